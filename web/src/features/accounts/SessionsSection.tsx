import type { SessionInfo } from '@tavola/contracts/accounts';
import { Button, Card, DateTime, LoadingState, toast } from '../../ui';
import { useRevokeSession, useSessions } from './accounts-api';
import { describeDevice } from './describe-device';

/** Where the account is logged in; any other device can be logged out from here. */
export function SessionsSection() {
  const sessions = useSessions();
  return (
    <Card heading="Where you are logged in" description="If you do not recognise a device, log it out and change your password.">
      {sessions.isPending && <LoadingState label="Loading your sessions…" />}
      {sessions.isError && <p role="alert">Your sessions could not be loaded.</p>}
      {sessions.data && (
        <ul className="item-list" aria-label="Sessions">
          {[...sessions.data]
            .sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt))
            .map((session) => (
              <SessionItem key={session.id} session={session} />
            ))}
        </ul>
      )}
    </Card>
  );
}

function SessionItem({ session }: { session: SessionInfo }) {
  const revoke = useRevokeSession();
  const device = describeDevice(session.userAgent);
  return (
    <li className="item">
      <div className="item__main">
        <p className="item__title">
          {device} {session.current && <span className="badge badge--success">This device</span>}
        </p>
        <p className="item__meta">
          {session.ip ? `${session.ip} · ` : ''}last active <DateTime value={session.lastSeenAt} />
        </p>
        <p className="item__meta">
          Logged in <DateTime value={session.createdAt} />
        </p>
      </div>
      {!session.current && (
        <Button
          variant="secondary"
          busy={revoke.isPending}
          onClick={() => revoke.mutate(session.id, { onSuccess: () => toast.success(`${device} was logged out.`) })}
        >
          Log out<span className="visually-hidden"> {device}</span>
        </Button>
      )}
    </li>
  );
}
