import { useEffect, useRef } from 'react';

export interface FormErrorItem {
  /** The id of the input the error belongs to; the summary links to it. */
  fieldId?: string;
  label: string;
  message: string;
}

export interface FormErrorSummaryProps {
  /** What went wrong as a whole (the problem's detail). */
  message?: string;
  items?: FormErrorItem[];
}

/**
 * Shown above a form after a failed submit: takes focus so it is read out, and links each field
 * error to its field.
 */
export function FormErrorSummary({ message, items = [] }: FormErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const visible = Boolean(message) || items.length > 0;
  const signature = `${message ?? ''}|${items.map((i) => `${i.fieldId}:${i.message}`).join('|')}`;

  // Each new set of errors takes focus again, so it is read out after every failed submit.
  useEffect(() => {
    if (signature !== '|') ref.current?.focus();
  }, [signature]);

  if (!visible) return null;
  return (
    <div className="form-errors" role="alert" tabIndex={-1} ref={ref}>
      <p className="form-errors__title">{message ?? 'Please correct the highlighted fields.'}</p>
      {items.length > 0 && (
        <ul className="form-errors__list">
          {items.map((item) => (
            <li key={`${item.fieldId ?? item.label}-${item.message}`}>
              {item.fieldId ? (
                <a
                  href={`#${item.fieldId}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(item.fieldId as string)?.focus();
                  }}
                >
                  {item.label}: {item.message}
                </a>
              ) : (
                `${item.label}: ${item.message}`
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
