export interface SpinnerProps {
  size?: 'small' | 'medium';
  /** Decorative spinners sit next to text that already says what is happening. */
  decorative?: boolean;
  label?: string;
}

export function Spinner({ size = 'medium', decorative = false, label = 'Loading…' }: SpinnerProps) {
  if (decorative) return <span className={`spinner spinner--${size}`} aria-hidden="true" />;
  return (
    <span className={`spinner spinner--${size}`} role="status">
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

/** A block shown while a page or section loads. */
export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading-state" role="status">
      <span className="spinner spinner--medium" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
