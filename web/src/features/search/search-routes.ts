import type { RouteObject } from 'react-router';

/** The search page (router.tsx places it): one lazily loaded chunk. The header's box is part of the shell. */
export const searchPages: RouteObject[] = [
  {
    path: 'search',
    lazy: () => import('./SearchPage').then((m) => ({ Component: m.SearchPage })),
  },
];
