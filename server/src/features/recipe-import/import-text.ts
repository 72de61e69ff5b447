/**
 * Text as recipe pages write it, made plain: HTML tags removed (block elements and <br> become
 * line breaks), entities decoded (also when double-encoded, "&amp;#8217;"), whitespace collapsed.
 */
import { type HTMLElement, type Node, NodeType, parse } from 'node-html-parser';

const blockTags = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
]);
const skippedTags = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head']);
const markupPattern = /[<&]/;
const entityPattern = /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

/** The text of a parsed node, with a line break around every block element. */
export function elementLines(node: Node): string {
  if (node.nodeType === NodeType.TEXT_NODE) return node.text;
  if (node.nodeType !== NodeType.ELEMENT_NODE) return '';
  const tag = (node as HTMLElement).rawTagName?.toLowerCase() ?? '';
  if (skippedTags.has(tag)) return '';
  if (tag === 'br') return '\n';
  const inner = node.childNodes.map(elementLines).join('');
  return blockTags.has(tag) ? `\n${inner}\n` : inner;
}

/** Decodes entities and drops tags, keeping line breaks where blocks and <br> were. */
function decodeMarkup(raw: string): string {
  if (!markupPattern.test(raw)) return raw;
  let text = elementLines(parse(raw, { comment: false }));
  // A second pass for entities that were encoded twice ("&amp;#8217;" -> "&#8217;" -> "’").
  if (entityPattern.test(text)) text = parse(text.replace(/</g, '&lt;')).text;
  return text;
}

const collapse = (line: string) => line.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();

/** One line of plain text: tags removed, entities decoded, all whitespace collapsed. */
export function plainText(raw: string): string {
  return collapse(decodeMarkup(raw));
}

/** Non-empty plain lines: split at block elements, <br> and line breaks. */
export function plainLines(raw: string): string[] {
  return decodeMarkup(raw)
    .split(/\r\n|\r|\n/)
    .map(collapse)
    .filter((line) => line.length > 0);
}

/** Shortens to at most `max` characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max * 0.8 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
