import type { CreateApiTokenBody, LogInBody, SessionState, SignUpBody, UpdateMeBody } from '@tavola/contracts/accounts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/api-error';
import { apiClient, request } from '../../api/http-client';
import { toast } from '../../ui/toast-store';
import { expectOwnSessionEnd } from '../../api/realtime';
import { refreshSession, replaceSession, sessionQueryKey } from '../../api/session';

/** TanStack Query hooks for accounts: authentication, the account itself, sessions and API tokens. */

export const accountKeys = {
  sessions: ['me', 'sessions'] as const,
  tokens: ['me', 'tokens'] as const,
};

/** Form mutations show their errors beside the fields instead of in a toast. */
const formMeta = { form: true };

export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: formMeta,
    mutationFn: (body: SignUpBody) => request(() => apiClient.POST('/api/auth/signup', { body })),
    onSuccess: () => replaceSession(queryClient),
  });
}

export function useLogIn() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: formMeta,
    mutationFn: (body: LogInBody) => request(() => apiClient.POST('/api/auth/login', { body })),
    onSuccess: () => replaceSession(queryClient),
  });
}

/**
 * Ends the session, then leaves for `to` before the cached person is dropped, so guarded pages do
 * not bounce to the log-in page on the way out. A 401 means the session had already ended.
 */
export function useLogOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async (to: string) => {
      expectOwnSessionEnd();
      try {
        await request(() => apiClient.POST('/api/auth/logout'));
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
      await navigate(to);
      await replaceSession(queryClient);
    },
    onSuccess: () => toast.info('You are logged out.'),
  });
}

export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: formMeta,
    mutationFn: (token: string) => request(() => apiClient.POST('/api/auth/verify-email', { body: { token } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
  });
}

export function useResendVerification() {
  return useMutation({ mutationFn: () => request(() => apiClient.POST('/api/auth/resend-verification')) });
}

export function useForgotPassword() {
  return useMutation({
    meta: formMeta,
    mutationFn: (email: string) => request(() => apiClient.POST('/api/auth/forgot-password', { body: { email } })),
  });
}

export function useResetPassword() {
  return useMutation({
    meta: formMeta,
    mutationFn: (body: { token: string; password: string }) => request(() => apiClient.POST('/api/auth/reset-password', { body })),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: formMeta,
    mutationFn: (body: { currentPassword: string; newPassword: string }) => request(() => apiClient.POST('/api/me/password', { body })),
    onSuccess: async () => {
      await refreshSession(queryClient);
      await queryClient.invalidateQueries({ queryKey: accountKeys.sessions });
    },
  });
}

/** Deletes the account and leaves for the home page, signed out. */
export function useDeleteAccount() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    meta: formMeta,
    mutationFn: async (password: string) => {
      expectOwnSessionEnd();
      await request(() => apiClient.DELETE('/api/me', { body: { password } }));
      await navigate('/', { replace: true });
      await replaceSession(queryClient);
    },
  });
}

export function useSessions() {
  return useQuery({ queryKey: accountKeys.sessions, queryFn: ({ signal }) => request(() => apiClient.GET('/api/me/sessions', { signal })) });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(() => apiClient.DELETE('/api/me/sessions/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}

export function useApiTokens() {
  return useQuery({ queryKey: accountKeys.tokens, queryFn: ({ signal }) => request(() => apiClient.GET('/api/me/tokens', { signal })) });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: formMeta,
    mutationFn: (body: CreateApiTokenBody) => request(() => apiClient.POST('/api/me/tokens', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(() => apiClient.DELETE('/api/me/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens }),
  });
}

/** PATCH /api/me: display name and preferences; the session's copy of "me" is replaced with the answer. */
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: formMeta,
    mutationFn: (body: UpdateMeBody) => request(() => apiClient.PATCH('/api/me', { body })),
    onSuccess: (me) => {
      queryClient.setQueryData(sessionQueryKey, (state: SessionState | undefined) => (state ? { ...state, user: me } : state));
      return queryClient.invalidateQueries({ queryKey: ['recipes', 'scaled'] });
    },
  });
}
