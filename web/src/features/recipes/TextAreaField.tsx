import type { ReactNode, Ref, TextareaHTMLAttributes } from 'react';
import { FieldFrame } from '../../ui/FieldFrame';

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  id?: string;
  /** Hides the label visually (it is still read out), for fields whose group already says what they are. */
  hideLabel?: boolean;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled multi-line field, wired like TextField (description and error read out with it). */
export function TextAreaField({ label, description, error, id, hideLabel = false, className, required, ref, rows = 3, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} description={description} error={error} id={id} required={required} hideLabel={hideLabel} className={className}>
      {(control) => <textarea ref={ref} rows={rows} className="field__input field__textarea" {...control} {...textarea} />}
    </FieldFrame>
  );
}
