import type { RouteObject } from 'react-router';

/** The social pages (router.tsx places them): one lazily loaded chunk per page. */
export const publicSocialPages: RouteObject[] = [{ path: 'people/:username', lazy: () => import('./ProfilePage').then((m) => ({ Component: m.ProfilePage })) }];
