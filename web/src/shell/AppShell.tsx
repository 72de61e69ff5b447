import { useEffect, useRef } from 'react';
import { Link, Outlet, ScrollRestoration, useLocation, useNavigation } from 'react-router';
import { useRealtimeConnection } from '../api/realtime';
import { useViewer } from '../api/session';
import { useLogOut } from '../features/accounts/accounts-api';
import { VerifyEmailBanner } from '../features/accounts/VerifyEmailBanner';
import { HeaderSearch } from '../features/search/HeaderSearch';
import { navEntriesFor } from '../navigation';
import { Button, Toasts } from '../ui';
import { SiteNav } from './SiteNav';

/** The frame around every page: skip link, header with navigation, banners, <main>, toasts. */
export function AppShell() {
  const { viewer, isPending } = useViewer();
  const navigation = useNavigation();
  const withBottomNav = navEntriesFor(viewer).length >= 2;
  useFocusMainOnNavigation();
  useRealtimeConnection(viewer?.id);

  return (
    <div className={withBottomNav ? 'app app--with-bottom-nav' : 'app'}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {navigation.state === 'loading' && <div className="progress-bar" aria-hidden="true" />}
      <header className="site-header">
        <Link to="/" className="site-header__brand">
          Tavola
        </Link>
        <SiteNav viewer={viewer} />
        <HeaderSearch />
        <div className="site-header__actions">{!isPending && (viewer ? <LogOutButton /> : <SignedOutActions />)}</div>
      </header>
      {viewer && !viewer.emailVerified && <VerifyEmailBanner email={viewer.email} />}
      <main id="main" className="site-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>Tavola — cook and drink well together.</p>
      </footer>
      <Toasts />
      <ScrollRestoration />
    </div>
  );
}

function SignedOutActions() {
  const location = useLocation();
  return (
    <>
      {location.pathname !== '/login' && (
        <Link to="/login" className="button button--quiet">
          Log in
        </Link>
      )}
      {location.pathname !== '/signup' && (
        <Link to="/signup" className="button button--primary">
          Sign up
        </Link>
      )}
    </>
  );
}

function LogOutButton() {
  const logOut = useLogOut();
  return (
    <Button variant="secondary" busy={logOut.isPending} onClick={() => logOut.mutate('/')}>
      Log out
    </Button>
  );
}

/** After a client-side navigation, move focus to <main> so keyboard and screen-reader users start at the new page. */
function useFocusMainOnNavigation() {
  const location = useLocation();
  const previousPath = useRef<string | null>(null);
  useEffect(() => {
    const previous = previousPath.current;
    previousPath.current = location.pathname;
    if (previous === null || previous === location.pathname || location.hash) return;
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [location.pathname, location.hash]);
}
