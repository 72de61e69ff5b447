import type { FacetValue, SearchFacets } from '@tavola/contracts/search';
import { type FormEvent, type ReactNode, useEffect, useId, useState } from 'react';
import { Button, CheckboxGroup } from '../../ui';
import { type ListFilter, type SearchState, timeBucketOf, withTimeBucket } from './search-params';

/**
 * The filters beside the results (a sheet on phones): the facets with their counts (cuisine,
 * course, diet, tag as checkboxes; total time, rating, photo and author as one choice each),
 * ingredients to include and exclude, and a maximum total time. Checkboxes come first, so the
 * phone's sheet does not open on a text field (and its keyboard).
 */

export interface SearchFiltersProps {
  state: SearchState;
  facets: SearchFacets | null;
  onChange: (next: SearchState) => void;
}

/** Labels compare as the server folds them: "Italian", "italian" and "ITALIAN" are one cuisine. */
export const foldLabel = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

const checkboxFacets: {
  key: ListFilter & keyof SearchFacets;
  legend: string;
}[] = [
  { key: 'cuisine', legend: 'Cuisine' },
  { key: 'course', legend: 'Course' },
  { key: 'diet', legend: 'Diet' },
  { key: 'tag', legend: 'Tags' },
];

function Counted({ label, count }: { label: string; count: number | undefined }) {
  return (
    <>
      {label}
      {count !== undefined && <span className="search-facet__count"> ({count})</span>}
    </>
  );
}

export function SearchFilters({ state, facets, onChange }: SearchFiltersProps) {
  const time = timeBucketOf(state);
  return (
    <div className="search-filters">
      {checkboxFacets.map(({ key, legend }) => {
        const values = facets?.[key] ?? [];
        const selected = state[key];
        // Chosen values keep their checkbox even when no result has them any more.
        const known = new Set(values.map((facet) => foldLabel(facet.value)));
        const options = [
          ...values.map((facet) => ({
            value: facet.value,
            label: <Counted label={facet.label} count={facet.count} />,
          })),
          ...selected
            .filter((value) => !known.has(foldLabel(value)))
            .map((value) => ({
              value,
              label: <Counted label={value} count={0} />,
            })),
        ];
        if (options.length === 0) return null;
        const chosen = options.map((option) => option.value).filter((value) => selected.some((s) => foldLabel(s) === foldLabel(value)));
        return (
          <CheckboxGroup
            key={key}
            legend={legend}
            name={`search-${key}`}
            options={options}
            value={chosen}
            onChange={(next) => onChange({ ...state, [key]: next })}
          />
        );
      })}
      <IngredientFilter
        label="With ingredients"
        description="Every recipe has all of them."
        values={state.include}
        onChange={(include) => onChange({ ...state, include })}
      />
      <IngredientFilter
        label="Without ingredients"
        description="No recipe has any of them."
        values={state.exclude}
        onChange={(exclude) => onChange({ ...state, exclude })}
      />
      <ChoiceGroup
        legend="Total time"
        anyLabel="Any time"
        values={facets?.totalTime ?? []}
        value={time}
        onChange={(bucket) => onChange(withTimeBucket(state, bucket))}
      >
        <MaxMinutesField value={time === null ? state.maxMinutes : null} onChange={(maxMinutes) => onChange({ ...state, minMinutes: null, maxMinutes })} />
      </ChoiceGroup>
      <ChoiceGroup
        legend="Rating"
        anyLabel="Any rating"
        values={facets?.rating ?? []}
        value={state.minRating === null ? null : String(state.minRating)}
        onChange={(rating) =>
          onChange({
            ...state,
            minRating: rating === null ? null : Number(rating),
          })
        }
      />
      <ChoiceGroup
        legend="Photo"
        anyLabel="With or without"
        values={facets?.hasPhoto ?? []}
        value={state.hasPhoto === null ? null : String(state.hasPhoto)}
        onChange={(photo) =>
          onChange({
            ...state,
            hasPhoto: photo === null ? null : photo === 'true',
          })
        }
      />
      <ChoiceGroup
        legend="Author"
        anyLabel="Anyone"
        values={withChosen(facets?.author ?? [], state.author)}
        value={state.author}
        onChange={(author) => onChange({ ...state, author })}
      />
    </div>
  );
}

/** A chosen value missing from the counts (no result has it now) still shows, with 0. */
function withChosen(values: FacetValue[], chosen: string | null): FacetValue[] {
  if (chosen === null || values.some((value) => value.value === chosen)) return values;
  return [...values, { value: chosen, label: chosen, count: 0 }];
}

interface ChoiceGroupProps {
  legend: string;
  anyLabel: string;
  values: FacetValue[];
  value: string | null;
  onChange: (value: string | null) => void;
  children?: ReactNode;
}

/** Radio buttons: "any" and one per facet value, with its count. */
function ChoiceGroup({ legend, anyLabel, values, value, onChange, children }: ChoiceGroupProps) {
  const id = useId();
  if (values.length === 0 && value === null && !children) return null;
  const options = [
    { value: null, label: anyLabel, count: undefined },
    ...values.map((v) => ({
      value: v.value as string | null,
      label: v.label,
      count: v.count as number | undefined,
    })),
  ];
  return (
    <fieldset className="field checkbox-group search-facet">
      <legend className="field__label">{legend}</legend>
      {options.map((option) => {
        const optionId = `${id}-${option.value ?? 'any'}`;
        return (
          <div className="checkbox" key={optionId}>
            <input type="radio" id={optionId} name={id} checked={value === option.value} onChange={() => onChange(option.value)} />
            <label htmlFor={optionId}>
              <span className="checkbox__label">
                <Counted label={option.label} count={option.count} />
              </span>
            </label>
          </div>
        );
      })}
      {children}
    </fieldset>
  );
}

/** "At most … minutes": any limit, not only the buckets. */
function MaxMinutesField({ value, onChange }: { value: number | null; onChange: (value: number | null) => void }) {
  const id = useId();
  const [text, setText] = useState(value === null ? '' : String(value));
  useEffect(() => setText(value === null ? '' : String(value)), [value]);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const minutes = Number.parseInt(text, 10);
    onChange(Number.isFinite(minutes) && minutes > 0 ? minutes : null);
  };
  return (
    <form className="search-inline-form" onSubmit={apply}>
      <label className="field__label" htmlFor={id}>
        At most (minutes)
      </label>
      <div className="search-inline-form__row">
        <input
          id={id}
          className="field__input"
          type="number"
          inputMode="numeric"
          min={1}
          max={20160}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <Button type="submit" variant="secondary">
          Apply
        </Button>
      </div>
    </form>
  );
}

interface IngredientFilterProps {
  label: string;
  description: string;
  values: string[];
  onChange: (values: string[]) => void;
}

/** Ingredients typed one at a time ("chicken", "nuts"), each removable. */
function IngredientFilter({ label, description, values, onChange }: IngredientFilterProps) {
  const id = useId();
  const [text, setText] = useState('');
  const add = (event: FormEvent) => {
    event.preventDefault();
    const name = text.trim();
    if (name === '') return;
    if (!values.some((value) => foldLabel(value) === foldLabel(name))) onChange([...values, name]);
    setText('');
  };
  return (
    <form className="search-inline-form" onSubmit={add}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <p className="field__description" id={`${id}-description`}>
        {description}
      </p>
      <div className="search-inline-form__row">
        <input
          id={id}
          className="field__input"
          aria-describedby={`${id}-description`}
          maxLength={100}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <Button type="submit" variant="secondary">
          Add<span className="visually-hidden"> to {label.toLowerCase()}</span>
        </Button>
      </div>
      {values.length > 0 && (
        <ul className="search-chips" aria-label={label}>
          {values.map((value) => (
            <li key={value}>
              <button type="button" className="search-chip" onClick={() => onChange(values.filter((v) => v !== value))}>
                {value}
                <span aria-hidden="true"> ×</span>
                <span className="visually-hidden"> (remove)</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
