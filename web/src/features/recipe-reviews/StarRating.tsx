import { useId } from 'react';

/** Stars shown and chosen: a read-only row for a rating, and a radio group to give one. */

const STARS = [1, 2, 3, 4, 5] as const;

export const starsLabel = (stars: number) => `${stars} ${stars === 1 ? 'star' : 'stars'}`;

/** "4.5", "4" (at most one decimal). */
export function formatAverage(average: number): string {
  return (Math.round(average * 10) / 10).toLocaleString(undefined, { maximumFractionDigits: 1 });
}

/** A row of five stars, read out as "4 out of 5 stars"; `value` may be an average (4.25 fills a quarter of the fifth star). */
export function StarRow({ value, size = 'normal' }: { value: number; size?: 'normal' | 'large' }) {
  const label = `${formatAverage(value)} out of 5 stars`;
  return (
    <span className={`star-row star-row--${size}`} role="img" aria-label={label}>
      {STARS.map((n) => {
        const fill = Math.max(0, Math.min(1, value - (n - 1)));
        return (
          <span key={n} className="star-row__star" aria-hidden="true">
            <span className="star-row__empty">★</span>
            <span className="star-row__full" style={{ width: `${fill * 100}%` }}>
              ★
            </span>
          </span>
        );
      })}
    </span>
  );
}

interface StarInputProps {
  legend: string;
  value: number | null;
  onChange: (stars: number) => void;
  error?: string;
  id?: string;
}

/**
 * Five radio buttons styled as stars: Tab reaches the group, the arrow keys choose, each star is
 * labelled ("3 stars"). Stars up to the one chosen are filled (up to the one under the pointer while hovering, in CSS).
 */
export function StarInput({ legend, value, onChange, error, id }: StarInputProps) {
  const generatedId = useId();
  const groupId = id ?? `stars-${generatedId}`;
  const errorId = error ? `${groupId}-error` : undefined;
  const shown = value ?? 0;
  return (
    <fieldset
      id={groupId}
      tabIndex={-1}
      className={['field', 'star-input', error && 'field--invalid'].filter(Boolean).join(' ')}
      aria-describedby={errorId}
    >
      <legend className="field__label">
        {legend}
        <span className="field__required"> (required)</span>
      </legend>
      {error && (
        <p className="field__error" id={errorId}>
          <span aria-hidden="true">! </span>
          {error}
        </p>
      )}
      <div className="star-input__options">
        {STARS.map((n) => {
          const optionId = `${groupId}-${n}`;
          return (
            <span key={n} className="star-input__option">
              <input
                type="radio"
                id={optionId}
                name={groupId}
                value={n}
                checked={value === n}
                onChange={() => onChange(n)}
                aria-invalid={error ? true : undefined}
              />
              <label htmlFor={optionId} className={n <= shown ? 'star-input__star is-filled' : 'star-input__star'}>
                <span aria-hidden="true">★</span>
                <span className="visually-hidden">{starsLabel(n)}</span>
              </label>
            </span>
          );
        })}
        <span className="star-input__value" aria-hidden="true">
          {value ? starsLabel(value) : 'Not rated yet'}
        </span>
      </div>
    </fieldset>
  );
}
