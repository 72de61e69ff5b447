import type { Me } from '@tavola/contracts/accounts';
import { Card, DateTime } from '../../ui';

const roleNames: Record<Me['role'], string> = { user: 'Member', moderator: 'Moderator', admin: 'Administrator' };

export function ProfileSection({ viewer }: { viewer: Me }) {
  return (
    <Card heading="Profile">
      <dl className="details-list">
        <dt>Display name</dt>
        <dd>{viewer.displayName || <span className="item__meta">Not set</span>}</dd>
        <dt>Username</dt>
        <dd>{viewer.username}</dd>
        <dt>Email</dt>
        <dd>
          {viewer.email}{' '}
          {viewer.emailVerified ? (
            <span className="badge badge--success">Verified</span>
          ) : (
            <span className="badge badge--danger">Not verified</span>
          )}
        </dd>
        <dt>Role</dt>
        <dd>{roleNames[viewer.role]}</dd>
        <dt>Member since</dt>
        <dd>
          <DateTime value={viewer.createdAt} dateOnly />
        </dd>
      </dl>
    </Card>
  );
}
