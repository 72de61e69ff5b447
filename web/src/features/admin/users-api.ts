import type { Role } from '@tavola/contracts/accounts';
import type { AdminUser } from '@tavola/contracts/admin';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, request } from '../../api/http-client';
import { refreshSession } from '../../api/session';

export const adminUserKeys = {
  all: ['admin', 'users'] as const,
  search: (q: string) => ['admin', 'users', q] as const,
};

export const USER_SEARCH_LIMIT = 50;

/** Accounts whose email or username contains `q` (all accounts, newest first, when empty). */
export function useAdminUsers(q: string) {
  return useQuery({
    queryKey: adminUserKeys.search(q),
    queryFn: ({ signal }) =>
      request(() => apiClient.GET('/api/admin/users', { params: { query: { q: q || undefined, limit: USER_SEARCH_LIMIT } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export interface RoleChange {
  user: AdminUser;
  role: Role;
}

/**
 * Gives a person another role. The server ends their sessions, so the new rights apply at once;
 * changing one's own role keeps the session, whose cached copy is then reloaded. Errors (the last
 * admin cannot be demoted) are shown by the confirmation dialog, not in a toast.
 */
export function useChangeRole(viewerId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { form: true },
    mutationFn: ({ user, role }: RoleChange) =>
      request(() => apiClient.PATCH('/api/admin/users/{id}', { params: { path: { id: user.id } }, body: { role } })),
    onSuccess: async (updated) => {
      queryClient.setQueriesData<{ items: AdminUser[] }>({ queryKey: adminUserKeys.all }, (old) =>
        old ? { items: old.items.map((u) => (u.id === updated.id ? updated : u)) } : old,
      );
      await queryClient.invalidateQueries({ queryKey: ['admin', 'audit'] });
      if (updated.id === viewerId) await refreshSession(queryClient);
    },
  });
}
