import { describeError, isApiError } from '../../api/api-error';
import type { FormErrorItem } from '../../ui';

export interface ImportFormErrors {
  /** The problem's detail, shown at the top of the form. */
  message?: string;
  /** Shown beside the input that was sent. */
  inputError?: string;
  items: FormErrorItem[];
}

const sentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

/** What the recipe lacked (`import_unmappable` lists `title`, `ingredients`...): named in words, not by path. */
const contentParts: Record<string, string> = {
  title: 'Title',
  ingredients: 'Ingredients',
  steps: 'Steps',
  servings: 'Servings',
};

/**
 * An import has one input, so every problem belongs to it: the detail heads the form and is
 * repeated beside the input; the reasons a found recipe could not be used are listed.
 */
export function importFormErrors(error: unknown, input: { id: string; label: string }): ImportFormErrors {
  if (!error) return { items: [] };
  if (!isApiError(error)) return { message: describeError(error), inputError: describeError(error), items: [] };
  if (error.code === 'validation_failed') {
    const first = error.fieldErrors[0];
    const inputError = first ? sentence(first.message) : error.detail;
    return { message: 'The import could not be read.', inputError, items: [{ fieldId: input.id, label: input.label, message: inputError }] };
  }
  const items: FormErrorItem[] =
    error.code === 'import_unmappable'
      ? error.fieldErrors.map((reason) => ({
          label: contentParts[reason.field.split('.')[0] ?? ''] ?? reason.field,
          message: reason.message,
        }))
      : [];
  return { message: error.detail, inputError: error.detail, items };
}
