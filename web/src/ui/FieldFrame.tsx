import { type ReactNode, useId } from 'react';

/** What a control needs to be wired to its label, description and error. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  required: boolean | undefined;
}

export interface FieldFrameProps {
  label: ReactNode;
  /** Help shown under the label, linked with aria-describedby. */
  description?: ReactNode;
  /** The field's error: marks it invalid and is read out with the field. */
  error?: string;
  id?: string;
  required?: boolean;
  /** Hides the label visually (it is still read out). */
  hideLabel?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** The label, description and error of one form control, wired for assistive technology. */
export function FieldFrame({ label, description, error, id, required, hideLabel = false, className, children }: FieldFrameProps) {
  const generatedId = useId();
  const inputId = id ?? `field-${generatedId}`;
  const descriptionId = description ? `${inputId}-description` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [errorId, descriptionId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error && 'field--invalid', className].filter(Boolean).join(' ')}>
      <label className={hideLabel ? 'visually-hidden' : 'field__label'} htmlFor={inputId}>
        {label}
        {required && <span className="field__required"> (required)</span>}
      </label>
      {description && (
        <p className="field__description" id={descriptionId}>
          {description}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          <span aria-hidden="true">! </span>
          {error}
        </p>
      )}
      {children({ id: inputId, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, required })}
    </div>
  );
}
