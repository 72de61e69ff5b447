import { Link } from 'react-router';
import { useViewer } from '../../api/session';
import { usePageTitle } from '../../shell/page-title';
import { Card, LoadingState } from '../../ui';

export function HomePage() {
  const { viewer, isPending } = useViewer();
  usePageTitle(viewer ? 'Home' : 'Welcome');
  if (isPending) return <LoadingState />;

  if (!viewer) {
    return (
      <div className="stack">
        <header className="page-header">
          <h1>Welcome to Tavola</h1>
          <p>A place for people who cook and drink well together: share recipes, keep your cellar, plan meals with friends.</p>
        </header>
        <Card>
          <p>Create an account to get started, or log in if you already have one.</p>
          <div className="button-row">
            <Link to="/signup" className="button button--primary">
              Create an account
            </Link>
            <Link to="/login" className="button button--secondary">
              Log in
            </Link>
          </div>
        </Card>
        <WineCard />
      </div>
    );
  }

  const name = viewer.displayName || viewer.username;
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Hello, {name}</h1>
        <p>Good to see you at the table.</p>
      </header>
      <Card heading="Your account">
        <p>Manage your password, the devices you are logged in on and your personal API tokens.</p>
        <Link to="/account" className="button button--secondary">
          Account settings
        </Link>
      </Card>
      <WineCard />
      {viewer.role === 'admin' && (
        <Card heading="Administration">
          <p>Read the mail this instance sends (verification and password reset links) when no mail server is configured.</p>
          <Link to="/admin/outbox" className="button button--secondary">
            Mail outbox
          </Link>
        </Card>
      )}
    </div>
  );
}

/** The way into the wine knowledge base (it has no main navigation entry: the phone's bottom bar is full). */
function WineCard() {
  return (
    <Card heading="Wine">
      <p>Explore wine regions from countries down to appellations, grape varieties, classifications and the tasting guide.</p>
      <Link to="/wine" className="button button--secondary">
        Explore wine
      </Link>
    </Card>
  );
}
