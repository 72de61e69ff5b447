import type { Me } from '@tavola/contracts/accounts';
import { NavLink } from 'react-router';
import { navEntriesFor } from '../navigation';
import { Icon } from '../ui';

/** One list of links: a bottom bar on phones, a top bar from 48rem (see styles/shell.css). */
export function SiteNav({ viewer }: { viewer: Me | null }) {
  const entries = navEntriesFor(viewer);
  if (entries.length < 2) return null;
  return (
    <nav className="site-nav" aria-label="Main">
      <ul className="site-nav__list">
        {entries.map((entry) => (
          <li className="site-nav__item" key={entry.to}>
            <NavLink to={entry.to} end={entry.end} className="site-nav__link">
              <Icon name={entry.icon} />
              <span>{entry.label}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
