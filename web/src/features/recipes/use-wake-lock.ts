import { useEffect, useState } from 'react';

export type WakeLockState = 'pending' | 'on' | 'unsupported' | 'refused';

/**
 * Keeps the screen on while the page is shown, where the browser offers the Screen Wake Lock API.
 * The browser drops the lock when the tab is hidden; it is asked for again when the tab comes back.
 */
export function useWakeLock(): WakeLockState {
  const supported = typeof navigator !== 'undefined' && 'wakeLock' in navigator;
  const [state, setState] = useState<WakeLockState>(supported ? 'pending' : 'unsupported');

  useEffect(() => {
    if (!supported) return;
    let sentinel: WakeLockSentinel | null = null;
    let ended = false;
    const acquire = async () => {
      if (document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
      try {
        const lock = await navigator.wakeLock.request('screen');
        if (ended) {
          await lock.release();
          return;
        }
        sentinel = lock;
        setState('on');
        lock.addEventListener('release', () => {
          if (!ended && document.visibilityState !== 'visible') setState('pending');
        });
      } catch {
        // Refused (battery saver, permissions policy): the page still works, the screen may dim.
        if (!ended) setState('refused');
      }
    };
    const onVisibility = () => void acquire();
    void acquire();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      ended = true;
      document.removeEventListener('visibilitychange', onVisibility);
      void sentinel?.release().catch(() => undefined);
    };
  }, [supported]);

  return state;
}
