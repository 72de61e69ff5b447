/** Splits a normalised ingredient line into numbers, words and punctuation, keeping their offsets. */

export type TokenKind = 'number' | 'word' | 'punct';

export interface Token {
  text: string;
  /** Lower case, for lexicon look-ups. */
  lower: string;
  kind: TokenKind;
  start: number;
  end: number;
  /** Whitespace between this token and the previous one ("28-ounce": no space before "-"). */
  spaceBefore: boolean;
}

// Numbers: 2, 1.5, .5, 1,5, 1,000, 3/4. Words: letters with inner hyphens and apostrophes ("medium-size", "confectioners'").
const tokenPattern = /(\d+(?:[.,]\d+)*(?:\/\d+)?|\.\d+)|([\p{L}][\p{L}\p{M}']*(?:-(?=\p{L})[\p{L}\p{M}']*)*'?)|(\S)/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(tokenPattern)) {
    const value = match[0];
    const start = match.index ?? 0;
    const kind: TokenKind = match[1] !== undefined ? 'number' : match[2] !== undefined ? 'word' : 'punct';
    tokens.push({ text: value, lower: value.toLowerCase(), kind, start, end: start + value.length, spaceBefore: start > 0 && /\s/.test(text[start - 1] ?? '') });
  }
  return tokens;
}

/** Joins token runs that were not contiguous in the line (the parts left after removing a parenthesis). */
export function joinTokens(text: string, tokens: readonly Token[]): string {
  let out = '';
  let previous: Token | undefined;
  for (const token of tokens) {
    if (previous) {
      const contiguous = previous.end === token.start || text.slice(previous.end, token.start).trim() === '';
      out += contiguous ? text.slice(previous.end, token.start) : ' ';
    }
    out += token.text;
    previous = token;
  }
  return out.trim();
}
