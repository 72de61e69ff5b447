import type { Role } from '@tavola/contracts/accounts';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../api/session';
import { LoadingState } from '../ui';
import { usePageTitle } from './page-title';
import { loginPathFor } from './safe-next';

/** Guards a branch of routes: signed-out people go to /login?next=…, others need one of `roles` when given. */
export function RequireViewer({ roles }: { roles?: Role[] }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <LoadingState label="Checking your session…" />;
  const viewer = session.data?.user;
  if (!viewer) return <Navigate to={loginPathFor(location)} replace />;
  if (roles && !roles.includes(viewer.role)) return <Forbidden />;
  return <Outlet />;
}

function Forbidden() {
  usePageTitle('Not allowed');
  return (
    <div className="narrow">
      <h1>Not allowed</h1>
      <p>This page is for administrators. If you think you should see it, ask the person who runs this Tavola.</p>
    </div>
  );
}
