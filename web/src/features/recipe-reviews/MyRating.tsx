import type { Rating } from '@tavola/contracts/recipe-reviews';
import { type FormEvent, useId, useState } from 'react';
import { describeError } from '../../api/api-error';
import { formErrorsFrom } from '../../api/form-errors';
import { Button, ConfirmDialog, FormErrorSummary, toast } from '../../ui';
import { TextAreaField } from '../recipes/TextAreaField';
import { useRateRecipe, useRemoveRating } from './recipe-reviews-api';
import { StarInput, StarRow } from './StarRating';

const REVIEW_MAX = 5000;

/** The viewer's own rating: the form to give one, or what they gave with Edit and Delete. */
export function MyRating({ recipeId, mine }: { recipeId: string; mine: Rating | null }) {
  const [editing, setEditing] = useState(false);
  if (!mine || editing) {
    return <RatingForm recipeId={recipeId} mine={mine} onDone={() => setEditing(false)} onCancel={mine ? () => setEditing(false) : undefined} />;
  }
  return <OwnRating recipeId={recipeId} mine={mine} onEdit={() => setEditing(true)} />;
}

function OwnRating({ recipeId, mine, onEdit }: { recipeId: string; mine: Rating; onEdit: () => void }) {
  const [asking, setAsking] = useState(false);
  const remove = useRemoveRating(recipeId);

  async function confirm() {
    try {
      // The refetched reviews replace this part of the page: awaited, so the toast shows anyway.
      await remove.mutateAsync();
      setAsking(false);
      toast.success('Your rating was deleted.');
    } catch {
      // Shown in the dialog.
    }
  }

  return (
    <section className="my-rating" aria-labelledby="my-rating-title">
      <h3 id="my-rating-title">Your rating</h3>
      <StarRow value={mine.stars} />
      {mine.review ? <p className="review__text">{mine.review}</p> : <p className="item__meta">You gave stars without a review.</p>}
      <div className="button-row">
        <Button variant="secondary" onClick={onEdit}>
          Edit your review
        </Button>
        <Button variant="quiet" onClick={() => setAsking(true)}>
          Delete your rating
        </Button>
      </div>
      <ConfirmDialog
        open={asking}
        title="Delete your rating?"
        confirmLabel="Delete rating"
        busy={remove.isPending}
        onConfirm={confirm}
        onCancel={() => {
          setAsking(false);
          remove.reset();
        }}
      >
        <p>Your stars and your review are removed from this recipe. You can rate it again later.</p>
        {remove.error && (
          <p className="form-errors" role="alert">
            {describeError(remove.error)}
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}

interface RatingFormProps {
  recipeId: string;
  mine: Rating | null;
  onDone: () => void;
  /** Offered when editing an existing rating. */
  onCancel?: () => void;
}

function RatingForm({ recipeId, mine, onDone, onCancel }: RatingFormProps) {
  const id = useId();
  const ids = { stars: `${id}-stars`, review: `${id}-review` };
  const [stars, setStars] = useState<number | null>(mine?.stars ?? null);
  const [review, setReview] = useState(mine?.review ?? '');
  const [missingStars, setMissingStars] = useState(false);
  const rate = useRateRecipe(recipeId);
  const errors = formErrorsFrom(rate.error, { stars: { id: ids.stars, label: 'Your rating' }, review: { id: ids.review, label: 'Your review' } });
  const starsError = missingStars ? 'Choose from 1 to 5 stars.' : errors.fields.stars;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (stars === null) {
      // Nothing to send: the server would only say the same.
      setMissingStars(true);
      document.getElementById(ids.stars)?.focus();
      return;
    }
    try {
      // Awaited rather than a mutate() callback: the saved rating replaces this form before callbacks would run.
      await rate.mutateAsync({ stars, review: review.trim() || null });
      toast.success(mine ? 'Your review is updated.' : 'Thank you: your rating is saved.');
      onDone();
    } catch {
      // Shown beside the fields.
    }
  }

  return (
    <form className="form my-rating" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{mine ? 'Edit your review' : 'Rate this recipe'}</h3>
      <FormErrorSummary message={errors.message} items={errors.items} />
      <StarInput
        id={ids.stars}
        legend="Your rating"
        value={stars}
        onChange={(value) => {
          setStars(value);
          setMissingStars(false);
        }}
        error={starsError}
      />
      <TextAreaField
        id={ids.review}
        label="Your review"
        description="Optional. What worked, what you changed, who liked it."
        rows={4}
        maxLength={REVIEW_MAX}
        value={review}
        onChange={(event) => setReview(event.target.value)}
        error={errors.fields.review}
      />
      <div className="button-row">
        <Button type="submit" busy={rate.isPending}>
          {mine ? 'Save your review' : 'Post your rating'}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
