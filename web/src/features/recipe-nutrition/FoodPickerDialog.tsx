import type { NutritionLineInfo } from '@tavola/contracts/recipe-nutrition';
import type { Recipe } from '@tavola/contracts/recipes';
import { useId, useState } from 'react';
import { describeError } from '../../api/api-error';
import { Button, Dialog, TextField, toast, useDebouncedValue } from '../../ui';
import { useCorrectFoods, useFoodSearch } from './nutrition-api';

const SEARCH_DELAY_MS = 200;

/** The author picks the catalogue food a line counts as, or "count nothing"; saved as a new version. */
export function FoodPickerDialog({ recipe, line, onClose }: { recipe: Recipe; line: NutritionLineInfo; onClose: () => void }) {
  const [query, setQuery] = useState(line.food?.commonName ?? '');
  const [choice, setChoice] = useState<number | null | undefined>(undefined);
  const wanted = useDebouncedValue(query, SEARCH_DELAY_MS);
  const results = useFoodSearch(wanted);
  const correct = useCorrectFoods(recipe.id);
  const listId = useId();

  const save = () => {
    if (choice === undefined) return;
    correct.mutate(
      { baseVersion: recipe.version, changes: [{ section: line.section, line: line.line, foodId: choice }] },
      {
        onSuccess: () => {
          toast.success('Food changed: a new version was saved.');
          onClose();
        },
      },
    );
  };

  return (
    <Dialog
      open
      title={`Food for “${line.text}”`}
      onClose={onClose}
      actions={
        <Button variant="primary" onClick={save} disabled={choice === undefined} busy={correct.isPending}>
          Save
        </Button>
      }
    >
      <p className="item__meta">
        Now: {line.food ? line.food.name : 'nothing counted'}
        {line.chosen ? ' (your choice)' : line.food ? ' (matched from the name)' : ''}
      </p>
      <TextField label="Search the food catalogue" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" aria-controls={listId} />
      <fieldset className="food-choices">
        <legend className="visually-hidden">Foods</legend>
        <ul id={listId} className="food-choices__list">
          {(results.data?.items ?? []).map((food) => (
            <li key={food.id}>
              <label className="food-choices__option">
                <input type="radio" name="food-choice" checked={choice === food.id} onChange={() => setChoice(food.id)} />
                <span>
                  <strong>{food.commonName}</strong> <span className="item__meta">{food.name}</span>
                </span>
              </label>
            </li>
          ))}
          <li>
            <label className="food-choices__option">
              <input type="radio" name="food-choice" checked={choice === null} onChange={() => setChoice(null)} />
              <span>Count nothing for this line</span>
            </label>
          </li>
        </ul>
        {wanted.trim().length >= 2 && results.data?.items.length === 0 && <p className="item__meta">No food in the catalogue is called “{wanted}”.</p>}
      </fieldset>
      {correct.error && (
        <p className="field__error" role="alert">
          {describeError(correct.error)}
        </p>
      )}
    </Dialog>
  );
}
