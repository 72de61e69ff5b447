import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient, request } from '../../api/http-client';

export const outboxKeys = { list: (to: string) => ['admin', 'outbox', to] as const };

/** The newest mails first; refreshed while the page is open so a verification mail shows up by itself. */
export function useOutbox(to: string) {
  return useQuery({
    queryKey: outboxKeys.list(to),
    queryFn: ({ signal }) => request(() => apiClient.GET('/api/admin/outbox', { params: { query: { limit: 50, to: to || undefined } }, signal })),
    placeholderData: keepPreviousData,
    refetchInterval: 5000,
    staleTime: 0,
  });
}
