/** Plain text with its http(s) addresses made into links (the text of a mail; never HTML). */
const urlPattern = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g;

export function LinkifiedText({ text }: { text: string }) {
  const parts: (string | { url: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(urlPattern)) {
    const index = match.index ?? 0;
    if (index > last) parts.push(text.slice(last, index));
    parts.push({ url: match[0] });
    last = index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return (
    <>
      {parts.map((part, i) =>
        typeof part === 'string' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one immutable text
          <span key={i}>{part}</span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one immutable text
          <a key={i} href={part.url} rel="noreferrer">
            {part.url}
          </a>
        ),
      )}
    </>
  );
}
