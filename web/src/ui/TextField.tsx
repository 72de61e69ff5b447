import { type InputHTMLAttributes, type ReactNode, type Ref, useId } from 'react';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: ReactNode;
  /** Help shown under the label, linked with aria-describedby. */
  description?: ReactNode;
  /** The field's error: marks it invalid and is read out with the field. */
  error?: string;
  id?: string;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input with its description and error wired for assistive technology. */
export function TextField({ label, description, error, id, className, required, ref, ...input }: TextFieldProps) {
  const generatedId = useId();
  const inputId = id ?? `field-${generatedId}`;
  const descriptionId = description ? `${inputId}-description` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [errorId, descriptionId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error && 'field--invalid', className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={inputId}>
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
      <input
        ref={ref}
        id={inputId}
        className="field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        required={required}
        {...input}
      />
    </div>
  );
}
