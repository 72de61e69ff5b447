import type { NutritionLineInfo } from '@tavola/contracts/recipe-nutrition';
import type { Recipe } from '@tavola/contracts/recipes';
import { useState } from 'react';
import { Card } from '../../ui';
import { FoodPickerDialog } from './FoodPickerDialog';
import { useRecipeNutrition } from './nutrition-api';
import { formatNutrient, nutrientRows, uncountedReason } from './nutrition-format';
import './nutrition.css';

/**
 * Nutrition per serving from the ingredient lines, and which lines could not be counted (rather
 * than a guess). The author can change the food a line counts as.
 */
export function NutritionPanel({ recipe, isOwner }: { recipe: Recipe; isOwner: boolean }) {
  const nutrition = useRecipeNutrition(recipe);
  const [editing, setEditing] = useState<NutritionLineInfo | null>(null);
  if (!nutrition.data) {
    return (
      <Card heading="Nutrition" className="nutrition no-print">
        <p className="item__meta" role="status">
          {nutrition.isError ? 'Nutrition could not be calculated just now.' : 'Calculating nutrition…'}
        </p>
      </Card>
    );
  }
  const data = nutrition.data;
  const uncounted = data.lines.filter((line) => line.uncounted !== null);
  const incomplete = new Set(data.incomplete);
  return (
    <Card heading="Nutrition per serving" className="nutrition" description={`Counted from ${data.countedLines} of ${data.lines.length} ingredient lines.`}>
      <table className="nutrition__table">
        <caption className="visually-hidden">Nutrients per serving and for the whole recipe</caption>
        <thead>
          <tr>
            <th scope="col">Nutrient</th>
            <th scope="col">Per serving</th>
            <th scope="col">Whole recipe</th>
          </tr>
        </thead>
        <tbody>
          {nutrientRows.map((row) => (
            <tr key={row.key} className={row.indent ? 'nutrition__sub' : undefined}>
              <th scope="row">
                {row.label}
                {incomplete.has(row.key) && <span title="Some foods have no figure for this nutrient: it is at least this much."> (at least)</span>}
              </th>
              <td>{formatNutrient(data.perServing[row.key], row.unit)}</td>
              <td>{formatNutrient(data.total[row.key], row.unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {uncounted.length > 0 && (
        <div className="nutrition__uncounted">
          <h3>Not counted</h3>
          <ul>
            {uncounted.map((line) => (
              <li key={`${line.section}.${line.line}`}>
                {line.text}: <span className="item__meta">{uncountedReason(line.uncounted ?? 'no_food')}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <details className="nutrition__lines">
        <summary>Foods used for each line</summary>
        <ul>
          {data.lines.map((line) => (
            <li key={`${line.section}.${line.line}`} className="nutrition__line">
              <span>
                {line.text}
                <span className="item__meta">
                  {' → '}
                  {line.food ? line.food.name : 'no food'}
                  {line.grams !== null ? `, ${Math.round(line.grams)} g` : ''}
                  {line.chosen ? ' (chosen)' : ''}
                </span>
              </span>
              {isOwner && (
                <button type="button" className="button button--quiet no-print" onClick={() => setEditing(line)} aria-label={`Change the food for ${line.text}`}>
                  Change
                </button>
              )}
            </li>
          ))}
        </ul>
      </details>
      {editing && <FoodPickerDialog recipe={recipe} line={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
