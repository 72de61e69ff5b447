import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { describeError } from '../api/api-error';
import { Button } from '../ui';
import { usePageTitle } from './page-title';

/** Shown inside the shell when a page fails to load or render (e.g. a code chunk from an older deploy is gone). */
export function RouteErrorPage() {
  const error = useRouteError();
  usePageTitle('Something went wrong');
  const chunkMissing = error instanceof Error && /dynamically imported module|Importing a module script failed/i.test(error.message);
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : chunkMissing
      ? 'Tavola was updated while this page was open. Reload to get the new version.'
      : describeError(error);
  return (
    <div className="narrow">
      <h1>Something went wrong</h1>
      <p role="alert">{message}</p>
      <div className="button-row">
        <Button onClick={() => window.location.reload()}>Reload</Button>
        <Link to="/">Go to the home page</Link>
      </div>
    </div>
  );
}

/** The last resort, when the shell itself failed: the same message in a <main> of its own. */
export function RootErrorPage() {
  return (
    <main id="main" className="site-main" tabIndex={-1}>
      <RouteErrorPage />
    </main>
  );
}
