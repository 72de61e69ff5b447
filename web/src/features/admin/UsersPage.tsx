import type { AdminUser } from '@tavola/contracts/admin';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { describeError } from '../../api/api-error';
import { useViewer } from '../../api/session';
import { usePageTitle } from '../../shell/page-title';
import { Card, ConfirmDialog, DateTime, LoadingState, SelectField, TextField, toast, useDebouncedValue } from '../../ui';
import { roleNames, roleOptions } from './role-names';
import { type RoleChange, USER_SEARCH_LIMIT, useAdminUsers, useChangeRole } from './users-api';

const SEARCH_DELAY_MS = 300;

/** Admins find accounts by email or username and change their roles. */
export function UsersPage() {
  usePageTitle('Users');
  const { viewer } = useViewer();
  const [searchParams, setSearchParams] = useSearchParams();
  const [draft, setDraft] = useState(() => searchParams.get('q') ?? '');
  const q = useDebouncedValue(draft.trim(), SEARCH_DELAY_MS);
  const users = useAdminUsers(q);
  const [pending, setPending] = useState<RoleChange | null>(null);
  const changeRole = useChangeRole(viewer?.id);

  // The search is kept in the address, so reloading or sharing the page keeps it.
  useEffect(() => {
    if ((searchParams.get('q') ?? '') !== q) setSearchParams(q ? { q } : {}, { replace: true });
  }, [q, searchParams, setSearchParams]);

  const { reset } = changeRole;
  const cancel = useCallback(() => {
    setPending(null);
    reset();
  }, [reset]);

  function confirm() {
    if (!pending) return;
    changeRole.mutate(pending, {
      onSuccess: (updated) => {
        setPending(null);
        toast.success(`${updated.username} is now ${withArticle(roleNames[updated.role].toLowerCase())}.`);
      },
    });
  }

  const items = users.data?.items;
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Users</h1>
        <p>Find an account by email or username and change what it may do. A changed role logs that person out everywhere.</p>
      </header>
      <Card>
        <search>
          <TextField
            label="Search users"
            type="search"
            autoComplete="off"
            spellCheck={false}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            description="Part of an email address or username."
          />
        </search>
      </Card>
      <Card heading={q ? `Users matching “${q}”` : 'Newest users'} aria-busy={users.isFetching || undefined}>
        {users.isPending && <LoadingState label="Loading users…" />}
        {users.isError && !users.data && <p role="alert">The users could not be loaded.</p>}
        <p role="status" className="item__meta">
          {items && resultSummary(items.length, q)}
        </p>
        {items && items.length > 0 && (
          <ul className="user-list" aria-label="Users">
            {items.map((user) => (
              <UserItem
                key={user.id}
                user={user}
                isViewer={user.id === viewer?.id}
                shownRole={pending?.user.id === user.id ? pending.role : user.role}
                onRoleChosen={(role) => role !== user.role && setPending({ user, role })}
              />
            ))}
          </ul>
        )}
      </Card>
      <ConfirmDialog
        open={pending !== null}
        title={pending ? confirmTitle(pending, pending.user.id === viewer?.id) : ''}
        confirmLabel="Change role"
        tone="primary"
        busy={changeRole.isPending}
        onConfirm={confirm}
        onCancel={cancel}
      >
        {pending && pending.user.id === viewer?.id ? (
          <p>You stay logged in, but lose what only {withArticle(roleNames[pending.user.role].toLowerCase())} may do.</p>
        ) : (
          <p>They will be logged out everywhere.</p>
        )}
        {changeRole.error && (
          <p className="form-errors" role="alert">
            {describeError(changeRole.error)}
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}

function UserItem({ user, isViewer, shownRole, onRoleChosen }: { user: AdminUser; isViewer: boolean; shownRole: AdminUser['role']; onRoleChosen: (role: AdminUser['role']) => void }) {
  const active = user.status === 'active';
  return (
    <li className="user-card">
      <div className="user-card__main">
        <h3 className="item__title">
          {user.username} {isViewer && <span className="badge">You</span>}
        </h3>
        {user.displayName && <p className="item__meta">{user.displayName}</p>}
        <p className="user-card__email">{user.email}</p>
        <p className="user-card__badges">
          <span className={active ? 'badge' : 'badge badge--danger'}>{active ? 'Active' : 'Deleted'}</span>
          <span className={user.emailVerified ? 'badge badge--success' : 'badge'}>{user.emailVerified ? 'Verified' : 'Not verified'}</span>
        </p>
        <p className="item__meta">
          Joined <DateTime value={user.createdAt} dateOnly />
        </p>
      </div>
      <SelectField
        className="user-card__role"
        label={
          <>
            Role<span className="visually-hidden"> of {user.username}</span>
          </>
        }
        options={roleOptions}
        value={shownRole}
        onChange={onRoleChosen}
        disabled={!active}
      />
    </li>
  );
}

function resultSummary(count: number, q: string): string {
  if (count === 0) return q ? `No user matches “${q}”.` : 'No users yet.';
  const shown = count === 1 ? '1 user' : `${count} users`;
  return count >= USER_SEARCH_LIMIT ? `Showing the first ${shown}; narrow the search to find others.` : `${shown}.`;
}

function confirmTitle({ user, role }: RoleChange, isViewer: boolean): string {
  const to = roleNames[role].toLowerCase();
  return isViewer ? `Change your own role to ${to}?` : `Change role of ${user.username} to ${to}?`;
}

function withArticle(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}
