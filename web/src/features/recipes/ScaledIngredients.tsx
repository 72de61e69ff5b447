import type { Recipe, ScaledRecipe } from '@tavola/contracts/recipes';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { apiClient, request } from '../../api/http-client';
import { useViewer } from '../../api/session';
import { useDebouncedValue } from '../../ui';
import { keyed } from './keyed';
import { formatAmount, formatServings } from './recipe-format';

export type UnitSystem = ScaledRecipe['system'];
export type Measure = ScaledRecipe['measure'];

const systems: { value: UnitSystem; label: string }[] = [
  { value: 'original', label: 'As written' },
  { value: 'metric', label: 'Metric' },
  { value: 'us', label: 'US' },
];

const SCALE_DELAY_MS = 250;

/** GET /api/recipes/:id/scaled: the ingredients at a size and in a unit system (versions never change, so neither does the answer). */
export function useScaledRecipe(recipe: Recipe, servings: number, system: UnitSystem, measure: Measure = 'as-written') {
  const id = recipe.id;
  const asWritten = servings === recipe.content.servings.amount && system === 'original' && measure === 'as-written';
  return useQuery({
    queryKey: ['recipes', 'scaled', id, recipe.version, servings, system, measure],
    queryFn: ({ signal }) =>
      request(() => apiClient.GET('/api/recipes/{id}/scaled', { params: { path: { id }, query: { servings, system, measure } }, signal })),
    enabled: !asWritten,
    staleTime: Number.POSITIVE_INFINITY,
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
}

/** The recipe's own sections in the scaled shape, for the size and units as written. */
function asWrittenSections(recipe: Recipe): ScaledRecipe['ingredients'] {
  return recipe.content.ingredients.map((section) => ({
    title: section.title ?? null,
    lines: section.lines.map((line) => ({
      original: line.text,
      display: line.text,
      quantity: line.quantity ?? null,
      quantityMax: line.quantityMax ?? null,
      unit: line.unit ?? null,
      scaled: false,
    })),
  }));
}

/** Ingredients with a servings stepper and slider and a unit toggle; changes go through the scaled endpoint. */
export function ScaledIngredients({ recipe }: { recipe: Recipe }) {
  const original = recipe.content.servings;
  const [servings, setServings] = useState(original.amount);
  // Signed-in readers see their own unit system first (account settings); everyone can switch.
  const { viewer } = useViewer();
  const [chosenSystem, setSystem] = useState<UnitSystem | null>(null);
  const system = chosenSystem ?? viewer?.unitSystem ?? 'original';
  const [measure, setMeasure] = useState<Measure>('as-written');
  const wanted = useDebouncedValue(servings, SCALE_DELAY_MS);
  const scaled = useScaledRecipe(recipe, wanted, system, measure);
  const asWritten = wanted === original.amount && system === 'original' && measure === 'as-written';
  const sections = !asWritten && scaled.data ? scaled.data.ingredients : asWrittenSections(recipe);
  const failed = !asWritten && scaled.isError;
  const sliderMax = Math.max(12, Math.ceil(original.amount * 4));
  const step = Number.isInteger(original.amount) ? 1 : 0.5;
  const sliderId = useId();
  const change = (value: number) => setServings(Math.min(sliderMax, Math.max(step, Math.round(value / step) * step)));

  return (
    <>
      <div className="scale-controls no-print">
        <div className="scale-controls__servings">
          <label htmlFor={sliderId} className="field__label">
            Servings: <output htmlFor={sliderId}>{formatServings({ amount: servings, unit: original.unit })}</output>
          </label>
          <div className="stepper">
            <button type="button" className="stepper__button" onClick={() => change(servings - step)} disabled={servings <= step} aria-label="Fewer servings">
              <span aria-hidden="true">−</span>
            </button>
            <input
              id={sliderId}
              type="range"
              className="stepper__slider"
              min={step}
              max={sliderMax}
              step={step}
              value={servings}
              aria-valuetext={formatServings({ amount: servings, unit: original.unit })}
              onChange={(e) => change(Number(e.target.value))}
            />
            <button type="button" className="stepper__button" onClick={() => change(servings + step)} disabled={servings >= sliderMax} aria-label="More servings">
              <span aria-hidden="true">+</span>
            </button>
          </div>
          {servings !== original.amount && (
            <button type="button" className="button button--quiet" onClick={() => setServings(original.amount)}>
              Back to {formatServings(original)}
            </button>
          )}
        </div>
        <fieldset className="segmented">
          <legend className="field__label">Units</legend>
          <div className="segmented__options">
            {systems.map((option) => (
              <label key={option.value} className="segmented__option">
                <input type="radio" name={`units-${recipe.id}`} value={option.value} checked={system === option.value} onChange={() => setSystem(option.value)} />
                <span>{option.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" checked={measure === 'weight'} onChange={(e) => setMeasure(e.target.checked ? 'weight' : 'as-written')} />
          <span>Weigh instead of cups and spoons</span>
        </label>
      </div>
      <p className="scale-status" role="status" aria-live="polite">
        {failed
          ? 'These amounts could not be recalculated; the ingredients are shown as written.'
          : !asWritten && scaled.data
            ? `Amounts for ${formatServings(scaled.data.servings)}${scaled.data.factor !== 1 ? ` (× ${formatAmount(scaled.data.factor)})` : ''}${system !== 'original' ? `, ${system === 'us' ? 'US' : 'metric'} units` : ''}${measure === 'weight' ? ', weighed where the food allows' : ''}.`
            : ''}
      </p>
      <div className={scaled.isFetching ? 'ingredient-groups ingredient-groups--updating' : 'ingredient-groups'}>
        {keyed(sections, (section) => section.title ?? '').map(({ item: section, key }) => (
          <div className="ingredient-group" key={key}>
            {section.title && <h3>{section.title}</h3>}
            <ul className="ingredient-list">
              {keyed(section.lines, (line) => line.original).map(({ item: line, key: lineKey }) => (
                <li key={lineKey}>
                  {line.display}
                  {!asWritten && !line.scaled && line.display === line.original && <span className="visually-hidden"> (as written)</span>}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </>
  );
}
