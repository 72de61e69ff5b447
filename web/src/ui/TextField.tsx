import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { FieldFrame } from './FieldFrame';

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
  return (
    <FieldFrame label={label} description={description} error={error} id={id} required={required} className={className}>
      {(control) => <input ref={ref} className="field__input" {...control} {...input} />}
    </FieldFrame>
  );
}
