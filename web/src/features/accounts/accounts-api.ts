import type {
  ApiToken,
  CreateApiTokenBody,
  CreatedApiToken,
  LogInBody,
  Me,
  SessionInfo,
  SignUpBody,
} from '@tavola/contracts/accounts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/http-client';
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
    mutationFn: (body: SignUpBody) => api.post<Me>('/api/auth/signup', body),
    onSuccess: () => replaceSession(queryClient),
  });
}

export function useLogIn() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: formMeta,
    mutationFn: (body: LogInBody) => api.post<Me>('/api/auth/login', body),
    onSuccess: () => replaceSession(queryClient),
  });
}

export function useLogOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout'),
    onSettled: () => replaceSession(queryClient),
  });
}

export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: formMeta,
    mutationFn: (token: string) => api.post<Me>('/api/auth/verify-email', { token }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
  });
}

export function useResendVerification() {
  return useMutation({ mutationFn: () => api.post<void>('/api/auth/resend-verification') });
}

export function useForgotPassword() {
  return useMutation({
    meta: formMeta,
    mutationFn: (email: string) => api.post<void>('/api/auth/forgot-password', { email }),
  });
}

export function useResetPassword() {
  return useMutation({
    meta: formMeta,
    mutationFn: (body: { token: string; password: string }) => api.post<void>('/api/auth/reset-password', body),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: formMeta,
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post<void>('/api/me/password', body),
    onSuccess: async () => {
      await refreshSession(queryClient);
      await queryClient.invalidateQueries({ queryKey: accountKeys.sessions });
    },
  });
}

export function useDeleteAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: formMeta,
    mutationFn: (password: string) => api.delete<void>('/api/me', { password }),
    onSuccess: () => replaceSession(queryClient),
  });
}

export function useSessions() {
  return useQuery({ queryKey: accountKeys.sessions, queryFn: ({ signal }) => api.get<SessionInfo[]>('/api/me/sessions', { signal }) });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/me/sessions/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}

export function useApiTokens() {
  return useQuery({ queryKey: accountKeys.tokens, queryFn: ({ signal }) => api.get<ApiToken[]>('/api/me/tokens', { signal }) });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: formMeta,
    mutationFn: (body: CreateApiTokenBody) => api.post<CreatedApiToken>('/api/me/tokens', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/me/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens }),
  });
}
