import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { describeError, isApiError } from './api/api-error';
import { installCsrfRefresher, sessionQueryKey } from './api/session';
import { toast } from './ui/toast-store';

/**
 * Queries retry network and server failures, never client errors. A failed query shows a toast
 * (unless its meta says `silent`); a 401 means the session ended, so the session is reloaded and
 * the guarded routes send the person to the login page.
 */
export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isApiError(error) && error.status === 401 && query.queryKey[0] !== sessionQueryKey[0]) {
          void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
          return;
        }
        if (query.meta?.silent) return;
        toast.error(describeError(error));
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (isApiError(error) && error.status === 401) void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
        // Forms show their own errors beside the fields; other mutations report through a toast.
        if (!mutation.meta?.form) toast.error(describeError(error));
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => {
          if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
  installCsrfRefresher(queryClient);
  return queryClient;
}
