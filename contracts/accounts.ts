import { z } from 'zod';

/** Accounts, sessions and personal API tokens: the shapes shared by the server and the web client. */

export const roleSchema = z.enum(['user', 'moderator', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const usernameSchema = z
  .string()
  .trim()
  .min(3, 'must be at least 3 characters')
  .max(30, 'must be at most 30 characters')
  .regex(/^[a-zA-Z0-9_.-]+$/, 'may contain letters, digits, dot, dash and underscore');

export const emailSchema = z.string().trim().toLowerCase().max(254).email('must be an email address');

/** Length is checked by the server's policy (8..128, common passwords refused); this only bounds the input. */
export const passwordInputSchema = z.string().min(1, 'is required').max(1024);

export const unitSystemSchema = z.enum(['metric', 'us']);
export type UnitSystem = z.infer<typeof unitSystemSchema>;

/** What a user may change about themselves without their password. */
export const updateMeBody = z
  .object({
    displayName: z.string().trim().max(80).nullable().optional(),
    unitSystem: unitSystemSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'send at least one field to change' });
export type UpdateMeBody = z.infer<typeof updateMeBody>;

export const meSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  username: z.string(),
  displayName: z.string().nullable(),
  /** How quantities are shown by default. */
  unitSystem: unitSystemSchema,
  role: roleSchema,
  emailVerified: z.boolean(),
  createdAt: z.string(),
});
export type Me = z.infer<typeof meSchema>;

export const signUpBody = z.object({
  email: emailSchema,
  username: usernameSchema,
  password: passwordInputSchema,
  displayName: z.string().trim().max(80).optional(),
});
export type SignUpBody = z.infer<typeof signUpBody>;

export const logInBody = z.object({
  /** Email or username. */
  login: z.string().trim().min(1, 'is required').max(254),
  password: passwordInputSchema,
});
export type LogInBody = z.infer<typeof logInBody>;

export const sessionStateSchema = z.object({
  user: meSchema.nullable(),
  /** Send back as the `x-csrf-token` header on every cookie-authenticated write. */
  csrfToken: z.string().nullable(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

export const tokenBody = z.object({ token: z.string().min(10).max(200) });
export const emailBody = z.object({ email: emailSchema });
export const resetPasswordBody = z.object({ token: z.string().min(10).max(200), password: passwordInputSchema });
export const changePasswordBody = z.object({ currentPassword: passwordInputSchema, newPassword: passwordInputSchema });
export const deleteAccountBody = z.object({ password: passwordInputSchema });

export const sessionInfoSchema = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const tokenScopeSchema = z.enum(['read', 'write']);
export type TokenScope = z.infer<typeof tokenScopeSchema>;

export const createApiTokenBody = z.object({
  name: z.string().trim().min(1, 'is required').max(80),
  scopes: z.array(tokenScopeSchema).min(1, 'choose at least one scope').max(2),
});
export type CreateApiTokenBody = z.infer<typeof createApiTokenBody>;

export const apiTokenSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(tokenScopeSchema),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

/** Returned once, at creation: the secret is never shown again. */
export const createdApiTokenSchema = apiTokenSchema.extend({ token: z.string() });
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;

export const idParams = z.object({ id: z.string().min(1).max(100) });

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  code: z.string(),
  instance: z.string().optional(),
  requestId: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type ProblemBody = z.infer<typeof problemSchema>;

/**
 * Endpoints (all JSON; writes authenticated by cookie need `x-csrf-token`):
 * GET    /api/auth/session              -> SessionState (never 401)
 * POST   /api/auth/signup               SignUpBody -> 201 Me (logged in; verification mail sent)
 * POST   /api/auth/login                LogInBody -> Me (new session cookie)
 * POST   /api/auth/logout               -> 204
 * POST   /api/auth/verify-email         {token} -> Me
 * POST   /api/auth/resend-verification  -> 202
 * POST   /api/auth/forgot-password      {email} -> 202 (same answer whether the email exists or not)
 * POST   /api/auth/reset-password       {token, password} -> 204 (all sessions ended)
 * GET    /api/me                        -> Me
 * PATCH  /api/me                        UpdateMeBody {displayName?, unitSystem?} -> Me
 * POST   /api/me/password               {currentPassword, newPassword} -> 204 (other sessions ended)
 * DELETE /api/me                        {password} -> 204 (account blocked at once, sessions ended)
 * GET    /api/me/sessions               -> SessionInfo[]
 * DELETE /api/me/sessions/:id           -> 204
 * GET    /api/me/tokens                 -> ApiToken[]
 * POST   /api/me/tokens                 CreateApiTokenBody -> 201 CreatedApiToken
 * DELETE /api/me/tokens/:id             -> 204
 */
