import { type ReactNode, useId } from 'react';

export interface CheckboxOption<T extends string> {
  value: T;
  label: ReactNode;
  description?: ReactNode;
}

export interface CheckboxGroupProps<T extends string> {
  legend: ReactNode;
  name: string;
  options: CheckboxOption<T>[];
  value: T[];
  onChange: (value: T[]) => void;
  error?: string;
}

/** A fieldset of checkboxes; its error is announced with the group. */
export function CheckboxGroup<T extends string>({ legend, name, options, value, onChange, error }: CheckboxGroupProps<T>) {
  const id = useId();
  const errorId = error ? `${id}-error` : undefined;
  const toggle = (option: T, checked: boolean) =>
    onChange(checked ? [...value, option].filter((v, i, all) => all.indexOf(v) === i) : value.filter((v) => v !== option));
  return (
    <fieldset className={['field', 'checkbox-group', error && 'field--invalid'].filter(Boolean).join(' ')} aria-describedby={errorId}>
      <legend className="field__label">{legend}</legend>
      {error && (
        <p className="field__error" id={errorId}>
          <span aria-hidden="true">! </span>
          {error}
        </p>
      )}
      {options.map((option) => {
        const optionId = `${id}-${option.value}`;
        const descriptionId = option.description ? `${optionId}-description` : undefined;
        return (
          <div className="checkbox" key={option.value}>
            <input
              type="checkbox"
              id={optionId}
              name={name}
              value={option.value}
              checked={value.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
              aria-describedby={descriptionId}
            />
            <label htmlFor={optionId}>
              <span className="checkbox__label">{option.label}</span>
              {option.description && (
                <span className="checkbox__description" id={descriptionId}>
                  {option.description}
                </span>
              )}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
