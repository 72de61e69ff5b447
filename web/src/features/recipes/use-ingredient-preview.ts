import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../../api/api-error';
import { apiClient, request } from '../../api/http-client';
import { useDebouncedValue } from '../../ui';

function parseLines(lines: string[], signal: AbortSignal) {
  return request(() => apiClient.POST('/api/ingredients/parse', { body: { lines }, signal }));
}

/** One line as the parser read it. */
export type ParsedIngredient = Awaited<ReturnType<typeof parseLines>>['items'][number];

const PREVIEW_DELAY_MS = 400;
/** The parse endpoint takes at most this many lines a call. */
const LINES_PER_CALL = 200;

export interface IngredientPreview {
  /** The parsed parts of each line already read, by its trimmed text. */
  parsed: ReadonlyMap<string, ParsedIngredient>;
  /** False when the server has no parser (the preview is then left out). */
  available: boolean;
}

/**
 * The live parsing preview: once the lines stop changing for a moment, the lines not read yet are
 * sent to POST /api/ingredients/parse in one call (a line is read once, whatever else changes).
 */
export function useIngredientPreview(lines: readonly string[]): IngredientPreview {
  const [parsed, setParsed] = useState<ReadonlyMap<string, ParsedIngredient>>(() => new Map());
  const [available, setAvailable] = useState(true);
  const failed = useRef(new Set<string>());
  const wanted = useDebouncedValue(uniqueLines(lines).join('\n'), PREVIEW_DELAY_MS);

  useEffect(() => {
    if (!available || !wanted) return;
    const missing = wanted.split('\n').filter((line) => !parsed.has(line) && !failed.current.has(line));
    if (missing.length === 0) return;
    const controller = new AbortController();
    (async () => {
      const found = new Map(parsed);
      for (let start = 0; start < missing.length; start += LINES_PER_CALL) {
        const chunk = missing.slice(start, start + LINES_PER_CALL);
        const result = await parseLines(chunk, controller.signal);
        chunk.forEach((line, i) => {
          const item = result.items[i];
          if (item) found.set(line, item);
        });
      }
      if (!controller.signal.aborted) setParsed(found);
    })().catch((error: unknown) => {
      if (controller.signal.aborted) return;
      // No parser on this server: the editor works without the preview.
      if (isApiError(error) && (error.status === 404 || error.status === 405)) setAvailable(false);
      // A line the parser refuses (e.g. too long) is not asked about again; the save reports it.
      else if (isApiError(error) && error.status < 500) for (const line of missing) failed.current.add(line);
    });
    return () => controller.abort();
  }, [wanted, parsed, available]);

  return { parsed, available };
}

function uniqueLines(lines: readonly string[]): string[] {
  return [...new Set(lines.map((line) => line.trim()).filter((line) => line && line.length <= 500))];
}
