import type { RealtimeEvent } from '@tavola/contracts/realtime';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { sessionQueryKey } from './session';

/**
 * The tab's one WebSocket to /api/realtime (see contracts/realtime.ts): open while someone is
 * logged in, reopened with jittered exponential backoff, pinged so proxies keep it alive. Only
 * types are imported from the contract, so its Zod schemas stay out of the bundle.
 */

const path = '/api/realtime';
/** contracts/realtime.ts `sessionEndedCloseCode`: the session was ended, do not reconnect. */
const sessionEndedCloseCode = 4001;
const pingEveryMs = 25_000;
const backoffStartMs = 1_000;
const backoffMaxMs = 30_000;

type Listener = (event: RealtimeEvent) => void;
const listeners = new Set<Listener>();

/** Receives every event of the tab's connection; returns the unsubscribe function. */
export function subscribeRealtime(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Until this time, a session-ended close is this tab's own doing (it is logging out or deleting the account). */
let ownSessionEndUntil = 0;

/**
 * Call before this tab ends its own session: the server closes the socket at once, possibly before
 * the request's answer arrives, and the tab will navigate by itself; reacting to the close too
 * would bounce a guarded page to the log-in page first.
 */
export function expectOwnSessionEnd(withinMs = 10_000): void {
  ownSessionEndUntil = Date.now() + withinMs;
}

export interface RealtimeConnectionOptions {
  /** The server closed the socket because the session ended (logged out elsewhere, password changed). */
  onSessionEnded: () => void;
}

export function startRealtimeConnection({ onSessionEnded }: RealtimeConnectionOptions): () => void {
  let socket: WebSocket | null = null;
  let stopped = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;

  const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}${path}`;

  function scheduleReconnect() {
    if (stopped) return;
    const ceiling = Math.min(backoffMaxMs, backoffStartMs * 2 ** attempt);
    attempt += 1;
    retryTimer = setTimeout(connect, ceiling / 2 + Math.random() * (ceiling / 2));
  }

  function connect() {
    clearTimeout(retryTimer);
    if (stopped || (socket && socket.readyState <= WebSocket.OPEN)) return;
    if (!navigator.onLine) return;
    const current = new WebSocket(url);
    socket = current;
    current.onmessage = (message) => {
      let event: RealtimeEvent;
      try {
        event = JSON.parse(String(message.data)) as RealtimeEvent;
      } catch {
        return;
      }
      if (event.type === 'hello') attempt = 0;
      for (const listener of listeners) listener(event);
    };
    current.onopen = () => {
      clearInterval(pingTimer);
      pingTimer = setInterval(() => current.readyState === WebSocket.OPEN && current.send(JSON.stringify({ type: 'ping' })), pingEveryMs);
    };
    current.onclose = (close) => {
      clearInterval(pingTimer);
      if (socket === current) socket = null;
      if (stopped) return;
      if (close.code === sessionEndedCloseCode) {
        if (Date.now() > ownSessionEndUntil) onSessionEnded();
        return;
      }
      scheduleReconnect();
    };
  }

  const reconnectNow = () => {
    attempt = 0;
    connect();
  };
  const onVisible = () => document.visibilityState === 'visible' && reconnectNow();
  window.addEventListener('online', reconnectNow);
  document.addEventListener('visibilitychange', onVisible);
  connect();

  return () => {
    stopped = true;
    clearTimeout(retryTimer);
    clearInterval(pingTimer);
    window.removeEventListener('online', reconnectNow);
    document.removeEventListener('visibilitychange', onVisible);
    socket?.close(1000, 'done');
    socket = null;
  };
}

/** Keeps the connection open while `userId` is set (one per tab, from the shell). */
export function useRealtimeConnection(userId: string | undefined): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!userId) return;
    return startRealtimeConnection({ onSessionEnded: () => void queryClient.invalidateQueries({ queryKey: sessionQueryKey }) });
  }, [userId, queryClient]);
}

/** Calls `handler` for the events of one topic (`{ type: 'event', topic }`) while mounted. */
export function useRealtimeTopic(topic: string, handler: (data: unknown) => void): void {
  useEffect(
    () =>
      subscribeRealtime((event) => {
        if (event.type === 'event' && event.topic === topic) handler(event.data);
      }),
    [topic, handler],
  );
}
