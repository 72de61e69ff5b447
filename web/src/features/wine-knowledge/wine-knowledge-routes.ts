import type { RouteObject } from 'react-router';

/** The wine knowledge pages (router.tsx places them): public, read-only, one lazily loaded chunk per page. */
export const wineKnowledgePages: RouteObject[] = [
  {
    path: 'wine',
    lazy: () => import('./WineIndexPage').then((m) => ({ Component: m.WineIndexPage })),
  },
  {
    path: 'wine/regions/:id',
    lazy: () => import('./RegionPage').then((m) => ({ Component: m.RegionPage })),
  },
  {
    path: 'wine/grapes/:id',
    lazy: () => import('./GrapePage').then((m) => ({ Component: m.GrapePage })),
  },
  {
    path: 'wine/classifications/:id',
    lazy: () =>
      import('./ClassificationPage').then((m) => ({
        Component: m.ClassificationPage,
      })),
  },
  {
    path: 'wine/tasting-guide',
    lazy: () =>
      import('./TastingGuidePage').then((m) => ({
        Component: m.TastingGuidePage,
      })),
  },
];
