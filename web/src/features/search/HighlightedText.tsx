import type { Highlight } from '@tavola/contracts/search';

/** Text with the parts that matched the query in <mark>; every part is rendered as text, never as HTML. */
export function HighlightedText({ segments }: { segments: Highlight }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the segments of one text never move
          <mark key={index} className="search-mark">
            {segment.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}
