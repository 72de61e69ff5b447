import type { FormErrorItem } from '../ui/FormErrorSummary';
import { describeError, fieldRoot, isApiError } from './api-error';

export interface FormFieldInfo {
  /** The input's id, so the summary can link to it. */
  id: string;
  label: string;
}

export interface FormErrors {
  /** The problem's detail, shown at the top of the form. */
  message?: string;
  /** Messages by form field name, shown beside each field. */
  fields: Record<string, string>;
  items: FormErrorItem[];
}

const noErrors: FormErrors = { fields: {}, items: [] };

function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * Spreads an API error over a form's fields. `codeFields` names the field a problem belongs to
 * when the server answers with a code and no field list (e.g. a wrong current password).
 */
export function formErrorsFrom(
  error: unknown,
  fields: Record<string, FormFieldInfo>,
  codeFields: Record<string, string> = {},
): FormErrors {
  if (!error) return noErrors;
  if (!isApiError(error)) return { message: describeError(error), fields: {}, items: [] };
  // The server's detail for schema failures ("The body has invalid fields") is for developers.
  const message = error.code === 'validation_failed' ? 'Some fields need your attention.' : error.detail;
  const result: FormErrors = { message, fields: {}, items: [] };
  for (const fieldError of error.fieldErrors) {
    const name = fieldRoot(fieldError.field);
    const info = fields[name];
    if (!info) {
      result.items.push({ label: fieldError.field, message: fieldError.message });
    } else if (!result.fields[name]) {
      result.fields[name] = sentence(fieldError.message);
      result.items.push({ fieldId: info.id, label: info.label, message: fieldError.message });
    }
  }
  const codeField = codeFields[error.code];
  const codeInfo = codeField ? fields[codeField] : undefined;
  if (codeField && codeInfo && !result.fields[codeField]) {
    result.fields[codeField] = error.detail;
    result.items.push({ fieldId: codeInfo.id, label: codeInfo.label, message: error.detail });
  }
  return result;
}
