import type { AuditEntry } from '@tavola/contracts/admin';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../../shell/page-title';
import { Button, Card, DateTime, LoadingState, TextField } from '../../ui';
import { useAuditLog } from './audit-api';

/** Suggestions for the action filter: the actions the server records (the filter takes any text). */
const knownActions = [
  'admin.role_changed',
  'account.deleted',
  'auth.signup',
  'auth.login',
  'auth.login_failed',
  'auth.account_locked',
  'auth.logout',
  'auth.email_verified',
  'auth.password_changed',
  'auth.password_reset_requested',
  'auth.password_reset',
  'auth.session_revoked',
  'auth.token_created',
  'auth.token_revoked',
];

/** Who did what to whom, newest first, for admins; filtered by action or actor, a page at a time. */
export function AuditLogPage() {
  usePageTitle('Audit log');
  const [searchParams, setSearchParams] = useSearchParams();
  const action = searchParams.get('action') ?? '';
  const actorId = searchParams.get('actor') ?? '';
  const [draft, setDraft] = useState(action);
  const suggestionsId = useId();
  const log = useAuditLog({ action: action || undefined, actorId: actorId || undefined });
  const listRef = useRef<HTMLOListElement>(null);
  const focusEntryAt = useRef<number | null>(null);
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];

  // Going back through the history changes the filter under the field.
  useEffect(() => setDraft(action), [action]);

  // After "Load more", reading goes on at the first entry that was added.
  useEffect(() => {
    const index = focusEntryAt.current;
    if (index === null || entries.length <= index) return;
    focusEntryAt.current = null;
    listRef.current?.querySelectorAll<HTMLElement>('.audit-entry')[index]?.focus();
  }, [entries.length]);

  function setFilter(next: { action?: string; actor?: string }) {
    const params = new URLSearchParams();
    const nextAction = next.action ?? action;
    const nextActor = next.actor ?? actorId;
    if (nextAction) params.set('action', nextAction);
    if (nextActor) params.set('actor', nextActor);
    setSearchParams(params);
  }

  function filter(event: FormEvent) {
    event.preventDefault();
    setFilter({ action: draft.trim() });
  }

  function clearAction() {
    setDraft('');
    setFilter({ action: '' });
  }

  function loadMore() {
    focusEntryAt.current = entries.length;
    void log.fetchNextPage();
  }

  function actorHref(actor: string): string {
    const params = new URLSearchParams({ actor });
    if (action) params.set('action', action);
    return `?${params}`;
  }
  const heading = [action && `“${action}”`, actorId && `by ${shortId(actorId)}`].filter(Boolean).join(' ');
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Audit log</h1>
        <p>Who did what, newest first: sign-ups, log-ins, password and role changes, deleted accounts.</p>
      </header>
      <Card>
        <form className="form" onSubmit={filter} aria-label="Filter the audit log">
          <TextField
            label="Action"
            type="search"
            autoComplete="off"
            spellCheck={false}
            list={suggestionsId}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            description="The exact action, e.g. admin.role_changed or auth.login_failed."
          />
          <datalist id={suggestionsId}>
            {knownActions.map((known) => (
              <option key={known} value={known} />
            ))}
          </datalist>
          <div className="button-row">
            <Button type="submit">Filter</Button>
            {action && (
              <Button variant="secondary" onClick={clearAction}>
                Show all actions
              </Button>
            )}
            <Button variant="quiet" busy={log.isRefetching && !log.isFetchingNextPage} onClick={() => void log.refetch()}>
              Refresh
            </Button>
          </div>
        </form>
        {actorId && (
          <p className="notice audit-actor-filter">
            Only entries by <code title={actorId}>{shortId(actorId)}</code>.{' '}
            <Button variant="quiet" onClick={() => setFilter({ actor: '' })}>
              Show all actors
            </Button>
          </p>
        )}
      </Card>
      <Card heading={heading ? `Entries ${heading}` : 'Latest entries'}>
        {log.isPending && <LoadingState label="Loading the audit log…" />}
        {log.isError && !log.data && <p role="alert">The audit log could not be loaded.</p>}
        <p role="status" className="item__meta">
          {log.data && (entries.length === 0 ? 'No entries.' : `Showing ${entries.length === 1 ? '1 entry' : `${entries.length} entries`}.`)}
        </p>
        {entries.length > 0 && (
          <ol ref={listRef} className="audit-list" aria-label="Audit entries">
            {entries.map((entry) => (
              <AuditItem key={entry.id} entry={entry} actorHref={actorHref} />
            ))}
          </ol>
        )}
        {log.hasNextPage && (
          <div className="button-row audit-more">
            <Button variant="secondary" busy={log.isFetchingNextPage} onClick={loadMore}>
              Load more
            </Button>
          </div>
        )}
        {log.data && !log.hasNextPage && entries.length > 0 && <p className="item__meta">That is the oldest entry{heading ? ' that matches' : ''}.</p>}
      </Card>
    </div>
  );
}

function AuditItem({ entry, actorHref }: { entry: AuditEntry; actorHref: (actorId: string) => string }) {
  return (
    <li className="audit-entry" tabIndex={-1}>
      <p className="audit-entry__head">
        <code className="audit-entry__action">{entry.action}</code>
        <span className="item__meta">
          <DateTime value={entry.createdAt} />
        </span>
      </p>
      <dl className="audit-entry__facts">
        <div>
          <dt>Actor</dt>
          <dd>
            {entry.actorId ? (
              <Link to={actorHref(entry.actorId)} aria-label={`${shortId(entry.actorId)}, show only this actor’s entries`}>
                <code>{shortId(entry.actorId)}</code>
              </Link>
            ) : (
              'system'
            )}
          </dd>
        </div>
        <div>
          <dt>Target</dt>
          <dd>{entry.targetType || entry.targetId ? [entry.targetType, entry.targetId].filter(Boolean).join(' ') : '—'}</dd>
        </div>
        <div>
          <dt>IP</dt>
          <dd>{entry.ip ?? '—'}</dd>
        </div>
        {entry.diff !== null && entry.diff !== undefined && (
          <div className="audit-entry__diff">
            <dt>Change</dt>
            <dd>
              <code>{JSON.stringify(entry.diff)}</code>
            </dd>
          </div>
        )}
      </dl>
    </li>
  );
}

/** The first block of a UUID: enough to tell people apart on one screen. */
function shortId(id: string): string {
  return id.slice(0, 8);
}
