import { NavLink, Outlet } from 'react-router';
import './admin.css';

/** The admin area's pages, in the order of the tabs above them. */
export const adminPages = [
  { to: '/admin/outbox', label: 'Outbox' },
  { to: '/admin/users', label: 'Users' },
  { to: '/admin/audit', label: 'Audit log' },
] as const;

/** The frame of the admin area: its own small navigation above the page. */
export function AdminLayout() {
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label="Administration">
        <ul className="admin-nav__list">
          {adminPages.map((page) => (
            <li key={page.to}>
              <NavLink to={page.to} className="admin-nav__link">
                {page.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
