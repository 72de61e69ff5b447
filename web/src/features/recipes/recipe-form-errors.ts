import { describeError, isApiError } from '../../api/api-error';
import type { FormErrorItem } from '../../ui';
import type { FieldTarget } from './recipe-draft';

export interface RecipeFormErrors {
  message?: string;
  /** Messages by input id. */
  byId: Record<string, string>;
  items: FormErrorItem[];
}

const sentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

/**
 * Spreads a problem's `errors` over the editor's inputs: the longest known prefix of each path
 * (`content.ingredients.0.lines.3.text` → that line's input) names the input.
 */
export function recipeFormErrors(error: unknown, targets: Record<string, FieldTarget>): RecipeFormErrors {
  const result: RecipeFormErrors = { byId: {}, items: [] };
  if (!error) return result;
  if (!isApiError(error)) return { ...result, message: describeError(error) };
  result.message = error.code === 'validation_failed' ? 'Some fields need your attention.' : error.detail;
  for (const fieldError of error.fieldErrors) {
    const target = targetOf(fieldError.field, targets);
    if (!target) {
      result.items.push({ label: fieldError.field, message: fieldError.message });
    } else if (!result.byId[target.id]) {
      result.byId[target.id] = sentence(fieldError.message);
      result.items.push({ fieldId: target.id, label: target.label, message: fieldError.message });
    }
  }
  return result;
}

function targetOf(path: string, targets: Record<string, FieldTarget>): FieldTarget | undefined {
  const parts = path.split('.').filter((part) => part !== 'body');
  for (let n = parts.length; n > 0; n--) {
    const found = targets[parts.slice(0, n).join('.')];
    if (found) return found;
  }
  return undefined;
}
