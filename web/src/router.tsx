import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { publicRecipePages, signedInRecipePages } from './features/recipes/recipe-routes';
import { searchPages } from './features/search/search-routes';
import { publicSocialPages } from './features/social/social-routes';
import { wineKnowledgePages } from './features/wine-knowledge/wine-knowledge-routes';
import { AppShell } from './shell/AppShell';
import { NotFoundPage } from './shell/NotFoundPage';
import { RequireViewer } from './shell/RequireViewer';
import { RootErrorPage, RouteErrorPage } from './shell/RouteErrorPage';
import { LoadingState } from './ui';

/**
 * Every page is loaded on demand (one chunk per page, shared code per feature). A feature adds its
 * routes here and its navigation entry in navigation.ts.
 */
const publicPages: RouteObject[] = [
  { index: true, lazy: () => import('./features/home/HomePage').then((m) => ({ Component: m.HomePage })) },
  { path: 'signup', lazy: () => import('./features/accounts/SignUpPage').then((m) => ({ Component: m.SignUpPage })) },
  { path: 'login', lazy: () => import('./features/accounts/LogInPage').then((m) => ({ Component: m.LogInPage })) },
  { path: 'verify-email', lazy: () => import('./features/accounts/VerifyEmailPage').then((m) => ({ Component: m.VerifyEmailPage })) },
  {
    path: 'forgot-password',
    lazy: () => import('./features/accounts/ForgotPasswordPage').then((m) => ({ Component: m.ForgotPasswordPage })),
  },
  {
    path: 'reset-password',
    lazy: () => import('./features/accounts/ResetPasswordPage').then((m) => ({ Component: m.ResetPasswordPage })),
  },
  ...publicRecipePages,
  ...searchPages,
  ...publicSocialPages,
  ...wineKnowledgePages,
];

const signedInPages: RouteObject = {
  Component: RequireViewer,
  children: [
    { path: 'account', lazy: () => import('./features/accounts/AccountSettingsPage').then((m) => ({ Component: m.AccountSettingsPage })) },
    ...signedInRecipePages,
  ],
};

const adminPages: RouteObject = {
  path: 'admin',
  element: <RequireViewer roles={['admin']} />,
  children: [
    {
      lazy: () => import('./features/admin/AdminLayout').then((m) => ({ Component: m.AdminLayout })),
      children: [
        { index: true, element: <Navigate to="outbox" replace /> },
        { path: 'outbox', lazy: () => import('./features/admin/OutboxPage').then((m) => ({ Component: m.OutboxPage })) },
        { path: 'users', lazy: () => import('./features/admin/UsersPage').then((m) => ({ Component: m.UsersPage })) },
        { path: 'audit', lazy: () => import('./features/admin/AuditLogPage').then((m) => ({ Component: m.AuditLogPage })) },
      ],
    },
  ],
};

export const routes: RouteObject[] = [
  {
    path: '/',
    Component: AppShell,
    errorElement: <RootErrorPage />,
    HydrateFallback: () => <LoadingState label="Loading Tavola…" />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [...publicPages, signedInPages, adminPages, { path: '*', Component: NotFoundPage }],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
