import type { Me } from '@tavola/contracts/accounts';
import type { IconName } from './ui/icons';

/**
 * The main navigation, in order. A feature adds its entry here (and its routes in router.tsx);
 * the shell renders the list as a bottom bar on phones and a top bar on wider screens.
 */
export interface NavEntry {
  to: string;
  label: string;
  icon: IconName;
  /** Match only the exact path (for `/`). */
  end?: boolean;
  /** Whether the entry is offered to this viewer (null when signed out). */
  visibleTo: (viewer: Me | null) => boolean;
}

export const navEntries: readonly NavEntry[] = [
  { to: '/', label: 'Home', icon: 'home', end: true, visibleTo: () => true },
  { to: '/recipes', label: 'Recipes', icon: 'recipes', visibleTo: () => true },
  { to: '/favourites', label: 'Favourites', icon: 'favourites', visibleTo: (viewer) => viewer !== null },
  { to: '/cooked', label: 'Cooked', icon: 'cooked', visibleTo: (viewer) => viewer !== null },
  { to: '/account', label: 'Account', icon: 'account', visibleTo: (viewer) => viewer !== null },
  // The admin area has its own tabs (features/admin/AdminLayout.tsx); the entry stays current on all of them.
  { to: '/admin', label: 'Admin', icon: 'admin', visibleTo: (viewer) => viewer?.role === 'admin' },
];

export function navEntriesFor(viewer: Me | null): NavEntry[] {
  return navEntries.filter((entry) => entry.visibleTo(viewer));
}
