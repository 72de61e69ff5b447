import type { AuditEntry } from '@tavola/contracts/admin';
import { useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, request } from '../../api/http-client';

export const AUDIT_PAGE_SIZE = 25;

export interface AuditFilter {
  action?: string;
  actorId?: string;
}

export const auditKeys = {
  list: (filter: AuditFilter) => ['admin', 'audit', filter.action ?? '', filter.actorId ?? ''] as const,
};

interface AuditPage {
  items: AuditEntry[];
  /** The `before` cursor of the next page, when there is one. */
  next: number | undefined;
}

/**
 * The audit log, newest first, a page at a time. One entry more than a page is asked for, so
 * "Load more" is offered only when there is more to load.
 */
export function useAuditLog(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filter),
    initialPageParam: undefined as number | undefined,
    queryFn: async ({ pageParam, signal }): Promise<AuditPage> => {
      const { items } = await request(() =>
        apiClient.GET('/api/admin/audit', {
          params: { query: { action: filter.action, actorId: filter.actorId, before: pageParam, limit: AUDIT_PAGE_SIZE + 1 } },
          signal,
        }),
      );
      const page = items.slice(0, AUDIT_PAGE_SIZE);
      return { items: page, next: items.length > AUDIT_PAGE_SIZE ? page.at(-1)?.id : undefined };
    },
    getNextPageParam: (last) => last.next,
    staleTime: 0,
  });
}
