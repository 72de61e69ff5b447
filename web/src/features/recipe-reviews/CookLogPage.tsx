import type { CookLogEntry } from '@tavola/contracts/recipe-reviews';
import { useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../api/api-error';
import { usePageTitle } from '../../shell/page-title';
import { Button, Card, ConfirmDialog, LoadingState, toast } from '../../ui';
import { formatDay, formatLongDay, formatMonth } from './cooked-dates';
import { useCookLog, useDeleteCookEntry } from './recipe-reviews-api';
import './recipe-reviews.css';

/** Every "I cooked this", newest first, grouped by month, a page at a time: the date, the recipe and the note. */
export function CookLogPage() {
  usePageTitle('Cooking log');
  const [deleting, setDeleting] = useState<CookLogEntry | null>(null);
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Cooking log</h1>
        <p>What you cooked and when, with your notes. Add to it with “I cooked this” on a recipe.</p>
      </header>
      <CookLog onDelete={setDeleting} />
      <DeleteEntryDialog entry={deleting} onClose={() => setDeleting(null)} />
    </div>
  );
}

function CookLog({ onDelete }: { onDelete: (entry: CookLogEntry) => void }) {
  const log = useCookLog();
  if (log.isPending) return <LoadingState label="Loading your cooking log…" />;
  if (log.isError && !log.data) {
    return (
      <Card>
        <p role="alert">Your cooking log could not be loaded.</p>
        <Button variant="secondary" onClick={() => log.refetch()}>
          Try again
        </Button>
      </Card>
    );
  }
  const entries = log.data.pages.flatMap((page) => page.items);
  if (entries.length === 0) {
    return (
      <Card className="empty-state">
        <p>
          Nothing logged yet. When you have cooked a recipe, press “I cooked this” on its page. <Link to="/recipes">Browse recipes</Link>
        </p>
      </Card>
    );
  }
  const total = log.data.pages.at(-1)?.total ?? entries.length;
  return (
    <>
      {byMonth(entries).map(([month, inMonth]) => (
        <Card key={month} heading={month} className="cook-log-month">
          <ul className="cook-log" aria-label={`Cooked in ${month}`}>
            {inMonth.map((entry) => (
              <CookLogItem key={entry.id} entry={entry} onDelete={() => onDelete(entry)} />
            ))}
          </ul>
        </Card>
      ))}
      <p className="visually-hidden" role="status">
        {`${entries.length} of ${total} entries shown${log.hasNextPage ? '' : ', that is all'}.`}
      </p>
      {log.hasNextPage && (
        <div className="button-row">
          <Button variant="secondary" busy={log.isFetchingNextPage} onClick={() => log.fetchNextPage()}>
            Load more entries
          </Button>
        </div>
      )}
    </>
  );
}

function byMonth(entries: CookLogEntry[]): [string, CookLogEntry[]][] {
  const groups = new Map<string, CookLogEntry[]>();
  for (const entry of entries) {
    const month = formatMonth(entry.cookedOn);
    groups.set(month, [...(groups.get(month) ?? []), entry]);
  }
  return [...groups];
}

/** What an entry is called: the recipe's title, or a plain phrase when the viewer can no longer see the recipe. */
const HIDDEN_RECIPE = 'A recipe you can no longer see';
const entryName = (entry: CookLogEntry) => (entry.recipeVisible && entry.recipeTitle !== null ? `“${entry.recipeTitle}”` : HIDDEN_RECIPE.toLowerCase());

function CookLogItem({ entry, onDelete }: { entry: CookLogEntry; onDelete: () => void }) {
  return (
    <li className="cook-log__entry">
      <div className="cook-log__main">
        <p className="cook-log__date">
          <time dateTime={entry.cookedOn}>{formatLongDay(entry.cookedOn)}</time>
        </p>
        {entry.recipeVisible && entry.recipeTitle !== null ? (
          <p className="cook-log__recipe">
            <Link to={`/recipes/${entry.recipeId}`}>{entry.recipeTitle}</Link>
          </p>
        ) : (
          <p className="cook-log__recipe cook-log__recipe--hidden">{HIDDEN_RECIPE}</p>
        )}
        {entry.note && <p className="cook-log__note">{entry.note}</p>}
      </div>
      <Button variant="quiet" onClick={onDelete} aria-label={`Delete the entry for ${entryName(entry)} on ${formatDay(entry.cookedOn)}`}>
        Delete
      </Button>
    </li>
  );
}

function DeleteEntryDialog({ entry, onClose }: { entry: CookLogEntry | null; onClose: () => void }) {
  const remove = useDeleteCookEntry();
  const close = () => {
    remove.reset();
    onClose();
  };
  function confirm() {
    if (!entry) return;
    remove.mutate(entry.id, {
      onSuccess: () => {
        toast.success('The entry was deleted from your cooking log.');
        close();
      },
    });
  }
  return (
    <ConfirmDialog open={entry !== null} title="Delete this entry?" confirmLabel="Delete entry" busy={remove.isPending} onConfirm={confirm} onCancel={close}>
      {entry && (
        <p>
          The entry for {entryName(entry)}, cooked on {formatDay(entry.cookedOn)}, leaves your cooking log. The recipe itself is not touched.
        </p>
      )}
      {remove.error && (
        <p className="form-errors" role="alert">
          {describeError(remove.error)}
        </p>
      )}
    </ConfirmDialog>
  );
}
