import type { SavedSearch } from '@tavola/contracts/search';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { describeError, isApiError } from '../../api/api-error';
import { Button, Dialog, TextField, toast } from '../../ui';
import { useDeleteSavedSearch, useSavedSearches, useSaveSearch } from './search-api';

/** Saved searches of the signed-in person: "Save this search" (named in a dialog) and the list, each openable and deletable. */

const savedSearchPath = (saved: SavedSearch) => (saved.query ? `/search?${saved.query}` : '/search');

export function SaveSearchButton({ query, suggestedName }: { query: string; suggestedName: string }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const save = useSaveSearch();
  const formId = 'save-search-form';

  const start = () => {
    save.reset();
    setName(suggestedName);
    setOpen(true);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const saved = await save.mutateAsync({ name: name.trim(), query });
      setOpen(false);
      toast.success(`Saved “${saved.name}”. Find it under Saved searches.`);
    } catch {
      // Shown in the dialog.
    }
  };

  const error = save.error;
  const nameError = isApiError(error) ? error.fieldError('name') : undefined;
  return (
    <>
      <Button variant="secondary" onClick={start}>
        Save this search
      </Button>
      <Dialog
        open={open}
        title="Save this search"
        onClose={() => setOpen(false)}
        actions={
          <Button type="submit" form={formId} busy={save.isPending}>
            Save search
          </Button>
        }
      >
        <form id={formId} className="form" onSubmit={submit} noValidate>
          <TextField
            label="Name"
            description="So you can find it again in your saved searches."
            required
            maxLength={80}
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={nameError ?? (name.trim() === '' && save.isError ? 'is required' : undefined)}
          />
          {error && !nameError && (
            <p role="alert" className="field__error">
              {describeError(error)}
            </p>
          )}
        </form>
      </Dialog>
    </>
  );
}

export function SavedSearchList() {
  const saved = useSavedSearches(true);
  const remove = useDeleteSavedSearch();
  const items = saved.data?.items ?? [];
  return (
    <details className="saved-searches">
      <summary className="saved-searches__summary">Saved searches{saved.data ? ` (${items.length})` : ''}</summary>
      {saved.isPending ? (
        <p className="item__meta">Loading your saved searches…</p>
      ) : saved.isError ? (
        <p role="alert">Your saved searches could not be loaded.</p>
      ) : items.length === 0 ? (
        <p className="item__meta">None yet. Search, then choose “Save this search” to keep it here.</p>
      ) : (
        <ul className="saved-searches__list" aria-label="Saved searches">
          {items.map((item) => (
            <li key={item.id} className="saved-searches__item">
              <Link to={savedSearchPath(item)}>{item.name}</Link>
              <Button
                variant="quiet"
                busy={remove.isPending && remove.variables === item.id}
                aria-label={`Delete the saved search “${item.name}”`}
                onClick={() =>
                  remove.mutateAsync(item.id).then(
                    () => toast.success(`Deleted the saved search “${item.name}”.`),
                    () => undefined,
                  )
                }
              >
                Delete
              </Button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
