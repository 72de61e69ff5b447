import { useCallback, useEffect, useRef, useState } from 'react';
import { playAlarm, prepareAlarm } from './timer-alarm';

export interface StepTimer {
  /** The step the timer belongs to (0-based). */
  step: number;
  durationMs: number;
  /** Left while paused; recomputed from `endsAt` while running. */
  remainingMs: number;
  /** When it rings, while running (ms since epoch). */
  endsAt: number | null;
  done: boolean;
}

const TICK_MS = 250;
/** A finished timer rings again every few seconds until it is acknowledged, for at most a minute. */
const RING_EVERY_MS = 4000;
const RING_FOR_MS = 60_000;

/**
 * Timers of a recipe's steps, one per step, that keep running while the cook moves between steps.
 * Time is measured against the clock (not by counting ticks), so a throttled background tab stays right.
 */
export function useStepTimers() {
  const [timers, setTimers] = useState<Record<number, StepTimer>>({});
  const [now, setNow] = useState(() => Date.now());
  const ringing = useRef(new Map<number, { first: number; last: number }>());
  const anyRunning = Object.values(timers).some((t) => t.endsAt !== null);
  const anyDone = Object.values(timers).some((t) => t.done);

  useEffect(() => {
    if (!anyRunning && !anyDone) return;
    const interval = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(interval);
  }, [anyRunning, anyDone]);

  // Running timers that reached their end become done and ring.
  useEffect(() => {
    const finished = Object.values(timers).filter((t) => t.endsAt !== null && t.endsAt <= now);
    if (finished.length === 0) return;
    setTimers((old) => {
      const next = { ...old };
      for (const t of finished) next[t.step] = { ...t, remainingMs: 0, endsAt: null, done: true };
      return next;
    });
  }, [now, timers]);

  useEffect(() => {
    for (const t of Object.values(timers)) {
      if (!t.done) {
        ringing.current.delete(t.step);
        continue;
      }
      const rang = ringing.current.get(t.step);
      if (!rang) {
        ringing.current.set(t.step, { first: now, last: now });
        playAlarm();
      } else if (now - rang.first < RING_FOR_MS && now - rang.last >= RING_EVERY_MS) {
        rang.last = now;
        playAlarm();
      }
    }
  }, [now, timers]);

  const start = useCallback((step: number, durationMs: number) => {
    prepareAlarm();
    setTimers((old) => {
      const current = old[step];
      const remaining = current && !current.done && current.remainingMs > 0 ? current.remainingMs : durationMs;
      return { ...old, [step]: { step, durationMs, remainingMs: remaining, endsAt: Date.now() + remaining, done: false } };
    });
    setNow(Date.now());
  }, []);

  const pause = useCallback((step: number) => {
    setTimers((old) => {
      const current = old[step];
      if (!current?.endsAt) return old;
      return { ...old, [step]: { ...current, remainingMs: Math.max(0, current.endsAt - Date.now()), endsAt: null } };
    });
  }, []);

  const reset = useCallback((step: number) => {
    setTimers((old) => {
      const next = { ...old };
      delete next[step];
      return next;
    });
  }, []);

  const remainingOf = (timer: StepTimer) => (timer.endsAt !== null ? Math.max(0, timer.endsAt - now) : timer.remainingMs);

  return { timers, start, pause, reset, remainingOf };
}
