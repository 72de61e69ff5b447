import { useSyncExternalStore } from 'react';
import { dismissToast, getToasts, subscribeToasts } from './toast-store';

/**
 * The live regions are always in the document so screen readers announce what is added to them:
 * errors assertively, everything else politely.
 */
export function Toasts() {
  const toasts = useSyncExternalStore(subscribeToasts, getToasts, getToasts);
  const errors = toasts.filter((t) => t.tone === 'error');
  const others = toasts.filter((t) => t.tone !== 'error');
  return (
    <div className="toasts">
      <div role="alert" aria-live="assertive" className="toasts__region">
        {errors.map((t) => (
          <ToastItem key={t.id} id={t.id} tone={t.tone} message={t.message} />
        ))}
      </div>
      <div role="status" aria-live="polite" className="toasts__region">
        {others.map((t) => (
          <ToastItem key={t.id} id={t.id} tone={t.tone} message={t.message} />
        ))}
      </div>
    </div>
  );
}

function ToastItem({ id, tone, message }: { id: number; tone: string; message: string }) {
  return (
    <div className={`toast toast--${tone}`}>
      <p className="toast__message">{message}</p>
      <button type="button" className="toast__close" onClick={() => dismissToast(id)} aria-label="Dismiss notification">
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
