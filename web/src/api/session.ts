import type { Me, SessionState } from '@tavola/contracts/accounts';
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, request, setCsrfRefresher, setCsrfToken } from './http-client';

/** Who is using the client, and the CSRF token that goes with their session. */
export const sessionQueryKey = ['session'] as const;

export async function fetchSession(): Promise<SessionState> {
  const state: SessionState = await request(() => apiClient.GET('/api/auth/session'));
  setCsrfToken(state.csrfToken);
  return state;
}

export function installCsrfRefresher(queryClient: QueryClient): void {
  setCsrfRefresher(async () => {
    const state = await fetchSession();
    queryClient.setQueryData(sessionQueryKey, state);
    return state.csrfToken;
  });
}

export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 60_000, meta: { silent: true } });
}

/** The signed-in person, or null (also null while the session is loading: check `isPending`). */
export function useViewer(): { viewer: Me | null; isPending: boolean } {
  const session = useSession();
  return { viewer: session.data?.user ?? null, isPending: session.isPending };
}

/**
 * After login, signup, logout or account deletion the session (and its CSRF token) changed:
 * drop everything cached for the previous person and load the new session before going on.
 */
export async function replaceSession(queryClient: QueryClient): Promise<SessionState> {
  await queryClient.cancelQueries();
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  const state = await fetchSession();
  queryClient.setQueryData(sessionQueryKey, state);
  return state;
}

/** Updates the cached person in place (e.g. after the email was verified). */
export function useSetViewer() {
  const queryClient = useQueryClient();
  return (user: Me) =>
    queryClient.setQueryData<SessionState>(sessionQueryKey, (old) => ({ user, csrfToken: old?.csrfToken ?? null }));
}

/** Reloads the session (its CSRF token may rotate, e.g. after a password change) keeping other cached data. */
export async function refreshSession(queryClient: QueryClient): Promise<SessionState> {
  const state = await fetchSession();
  queryClient.setQueryData(sessionQueryKey, state);
  return state;
}
