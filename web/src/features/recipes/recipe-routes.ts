import type { RouteObject } from 'react-router';

/** The recipe pages (router.tsx places them): one lazily loaded chunk per page. */

export const publicRecipePages: RouteObject[] = [
  { path: 'recipes', lazy: () => import('./RecipeListPages').then((m) => ({ Component: m.RecipesPage })) },
  { path: 'recipes/:id', lazy: () => import('./RecipePage').then((m) => ({ Component: m.RecipePage })) },
  { path: 'recipes/:id/cook', lazy: () => import('./CookModePage').then((m) => ({ Component: m.CookModePage })) },
  { path: 'recipes/:id/history', lazy: () => import('./RecipeHistoryPage').then((m) => ({ Component: m.RecipeHistoryPage })) },
  { path: 'recipes/:id/versions/:number', lazy: () => import('./RecipeVersionPage').then((m) => ({ Component: m.RecipeVersionPage })) },
];

/** Pages for signed-in people only (placed under RequireViewer). */
export const signedInRecipePages: RouteObject[] = [
  { path: 'recipes/mine', lazy: () => import('./RecipeListPages').then((m) => ({ Component: m.MyRecipesPage })) },
  { path: 'recipes/import', lazy: () => import('../recipe-import/RecipeImportPage').then((m) => ({ Component: m.RecipeImportPage })) },
  { path: 'recipes/new', lazy: () => import('./RecipeEditorPages').then((m) => ({ Component: m.NewRecipePage })) },
  { path: 'recipes/:id/edit', lazy: () => import('./RecipeEditorPages').then((m) => ({ Component: m.EditRecipePage })) },
  { path: 'favourites', lazy: () => import('../recipe-reviews/FavouritesPage').then((m) => ({ Component: m.FavouritesPage })) },
  { path: 'cooked', lazy: () => import('../recipe-reviews/CookLogPage').then((m) => ({ Component: m.CookLogPage })) },
];
