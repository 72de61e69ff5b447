import type { Recipe } from '@tavola/contracts/recipes';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { formErrorsFrom } from '../../api/form-errors';
import { useViewer } from '../../api/session';
import { Button, Dialog, FormErrorSummary, TextField, toast } from '../../ui';
import { TextAreaField } from '../recipes/TextAreaField';
import { formatDay, todayIsoDate } from './cooked-dates';
import { useCookLog, useFavouriteState, useLogCooked, useSetFavourite } from './recipe-reviews-api';
import './recipe-reviews.css';

/** What a signed-in reader can do with a recipe besides reading it: keep it as a favourite, log that they cooked it. */
export function RecipeViewerActions({ recipe }: { recipe: Recipe }) {
  const { viewer } = useViewer();
  if (!viewer) return null;
  return (
    <div className="recipe-viewer-actions no-print">
      <div className="button-row">
        <FavouriteButton recipeId={recipe.id} />
        <CookedThis recipe={recipe} />
      </div>
      <CookedStatus recipeId={recipe.id} />
    </div>
  );
}

/** A toggle: its name stays "Favourite" and aria-pressed says whether the recipe is one. */
function FavouriteButton({ recipeId }: { recipeId: string }) {
  const state = useFavouriteState(recipeId, true);
  const setFavourite = useSetFavourite(recipeId);
  const favourite = state.data?.favourite ?? false;
  return (
    <Button
      variant="secondary"
      className="favourite-button"
      aria-pressed={favourite}
      disabled={!state.data}
      onClick={() =>
        setFavourite.mutate(!favourite, {
          onSuccess: (saved) => toast.success(saved.favourite ? 'Saved to your favourites.' : 'Removed from your favourites.'),
        })
      }
    >
      <span className="favourite-button__heart" aria-hidden="true">
        {favourite ? '♥' : '♡'}
      </span>{' '}
      Favourite
    </Button>
  );
}

/** How often and when last: the first page of this recipe's log is enough (it is newest first and carries the total). */
function CookedStatus({ recipeId }: { recipeId: string }) {
  const log = useCookLog(recipeId);
  const first = log.data?.pages[0];
  const last = first?.items[0];
  if (!first || !last) return null;
  return (
    <p className="item__meta">
      You cooked this {first.total === 1 ? 'once' : `${first.total} times`}, last on {formatDay(last.cookedOn)}. <Link to="/cooked">Your cooking log</Link>
    </p>
  );
}

function CookedThis({ recipe }: { recipe: Recipe }) {
  const [open, setOpen] = useState(false);
  const formId = useId();
  const logCooked = useLogCooked(recipe.id);
  const close = () => {
    setOpen(false);
    logCooked.reset();
  };
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} aria-haspopup="dialog">
        I cooked this
      </Button>
      <Dialog
        open={open}
        title={`You cooked “${recipe.content.title}”`}
        onClose={close}
        actions={
          <Button type="submit" form={formId} busy={logCooked.isPending}>
            Add to cooking log
          </Button>
        }
      >
        {open && <CookedForm formId={formId} logCooked={logCooked} onDone={close} />}
      </Dialog>
    </>
  );
}

/** The date (today unless changed) and an optional note; the dialog's button submits it. */
function CookedForm({ formId, logCooked, onDone }: { formId: string; logCooked: ReturnType<typeof useLogCooked>; onDone: () => void }) {
  const ids = { cookedOn: `${formId}-date`, note: `${formId}-note` };
  const [cookedOn, setCookedOn] = useState(() => todayIsoDate());
  const [note, setNote] = useState('');
  const errors = formErrorsFrom(logCooked.error, { cookedOn: { id: ids.cookedOn, label: 'Date' }, note: { id: ids.note, label: 'Note' } });

  function submit(event: FormEvent) {
    event.preventDefault();
    logCooked.mutate(
      { cookedOn, note: note.trim() || null },
      {
        onSuccess: (entry) => {
          toast.success(`Added to your cooking log for ${formatDay(entry.cookedOn)}.`);
          onDone();
        },
      },
    );
  }

  return (
    <form id={formId} className="form" onSubmit={submit} noValidate>
      <FormErrorSummary message={errors.message} items={errors.items} />
      <TextField
        id={ids.cookedOn}
        label="Date"
        type="date"
        required
        max={todayIsoDate()}
        value={cookedOn}
        onChange={(event) => setCookedOn(event.target.value)}
        error={errors.fields.cookedOn}
      />
      <TextAreaField
        id={ids.note}
        label="Note"
        description="Optional. How it went, what you would change next time."
        rows={3}
        maxLength={2000}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={errors.fields.note}
      />
    </form>
  );
}
