import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, request } from '../../api/http-client';

/** TanStack Query hooks for the social graph: profiles, follows, follow requests, blocks and privacy. */

export const socialKeys = {
  all: ['social'] as const,
  profile: (username: string) => ['social', 'profile', username.toLowerCase()] as const,
  recipes: (username: string) => ['social', 'recipes', username.toLowerCase()] as const,
  requests: ['social', 'requests'] as const,
  blocks: ['social', 'blocks'] as const,
  privacy: ['social', 'privacy'] as const,
};

const PAGE_SIZE = 30;

/** A missing person (or one who blocked the viewer) is an expected answer (404), shown as its own page. */
const quietNotFound = { silent: true };

export function useProfile(username: string) {
  return useQuery({
    queryKey: socialKeys.profile(username),
    queryFn: ({ signal }) => request(() => apiClient.GET('/api/people/{username}', { params: { path: { username } }, signal })),
    meta: quietNotFound,
    retry: false,
  });
}

/** The person's recipes the viewer may read (the server applies visibility, follows and blocks). */
export function useAuthorRecipes(username: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: socialKeys.recipes(username),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      request(() => apiClient.GET('/api/recipes', { params: { query: { author: username, limit: 24, cursor: pageParam } }, signal })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled,
  });
}

/** After any change of the graph, everything social (and recipe lists, whose visibility follows it) is read again. */
function useGraphChange() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: socialKeys.all }), queryClient.invalidateQueries({ queryKey: ['recipes'] })]);
}

export function useFollow(username: string) {
  const changed = useGraphChange();
  return useMutation({
    mutationFn: () => request(() => apiClient.PUT('/api/me/following/{username}', { params: { path: { username } } })),
    onSuccess: changed,
  });
}

/** Unfollows, or withdraws a request not answered yet. */
export function useUnfollow(username: string) {
  const changed = useGraphChange();
  return useMutation({
    mutationFn: () => request(() => apiClient.DELETE('/api/me/following/{username}', { params: { path: { username } } })),
    onSuccess: changed,
  });
}

export function useBlock(username: string) {
  const changed = useGraphChange();
  return useMutation({
    mutationFn: () => request(() => apiClient.PUT('/api/me/blocks/{username}', { params: { path: { username } } })),
    onSuccess: changed,
  });
}

export function useUnblock() {
  const changed = useGraphChange();
  return useMutation({
    mutationFn: (username: string) => request(() => apiClient.DELETE('/api/me/blocks/{username}', { params: { path: { username } } })),
    onSuccess: changed,
  });
}

export function useFollowRequests() {
  return useInfiniteQuery({
    queryKey: socialKeys.requests,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => request(() => apiClient.GET('/api/me/follow-requests', { params: { query: { limit: PAGE_SIZE, cursor: pageParam } }, signal })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useAnswerRequest() {
  const changed = useGraphChange();
  return useMutation({
    mutationFn: ({ username, answer }: { username: string; answer: 'accept' | 'decline' }) =>
      request(() =>
        answer === 'accept'
          ? apiClient.POST('/api/me/follow-requests/{username}/accept', { params: { path: { username } } })
          : apiClient.POST('/api/me/follow-requests/{username}/decline', { params: { path: { username } } }),
      ),
    onSuccess: changed,
  });
}

export function useBlockedAccounts() {
  return useInfiniteQuery({
    queryKey: socialKeys.blocks,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => request(() => apiClient.GET('/api/me/blocks', { params: { query: { limit: PAGE_SIZE, cursor: pageParam } }, signal })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function usePrivacy() {
  return useQuery({ queryKey: socialKeys.privacy, queryFn: ({ signal }) => request(() => apiClient.GET('/api/me/privacy', { signal })) });
}

export function useSetPrivacy() {
  const changed = useGraphChange();
  return useMutation({
    mutationFn: (privateAccount: boolean) => request(() => apiClient.PUT('/api/me/privacy', { body: { privateAccount } })),
    onSuccess: changed,
  });
}
