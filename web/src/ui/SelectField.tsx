import { type ReactNode, type Ref, type SelectHTMLAttributes, useId } from 'react';

export interface SelectOption<T extends string = string> {
  value: T;
  label: string;
}

export interface SelectFieldProps<T extends string = string> extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'> {
  label: ReactNode;
  options: readonly SelectOption<T>[];
  value: T;
  onChange: (value: T) => void;
  /** Help shown under the label, linked with aria-describedby. */
  description?: ReactNode;
  id?: string;
  ref?: Ref<HTMLSelectElement>;
}

/** A labelled native <select> (the platform's picker on phones), styled like the text fields. */
export function SelectField<T extends string>({ label, options, value, onChange, description, id, className, ref, ...select }: SelectFieldProps<T>) {
  const generatedId = useId();
  const selectId = id ?? `field-${generatedId}`;
  const descriptionId = description ? `${selectId}-description` : undefined;
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={selectId}>
        {label}
      </label>
      {description && (
        <p className="field__description" id={descriptionId}>
          {description}
        </p>
      )}
      <select
        ref={ref}
        id={selectId}
        className="field__input field__select"
        aria-describedby={descriptionId}
        value={value}
        onChange={(event) => onChange(event.target.value as T)}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
