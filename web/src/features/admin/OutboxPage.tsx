import type { OutboxMail } from '@tavola/contracts/mail';
import { type FormEvent, useId, useState } from 'react';
import { usePageTitle } from '../../shell/page-title';
import { Button, Card, DateTime, LoadingState, TextField } from '../../ui';
import { LinkifiedText } from './LinkifiedText';
import { useOutbox } from './outbox-api';

const statusNames: Record<OutboxMail['status'], string> = { queued: 'Queued', sent: 'Sent', failed: 'Failed', stored: 'Stored' };

/** The mail this instance sent or stored, for admins: how a self-hoster without SMTP reads verification links. */
export function OutboxPage() {
  usePageTitle('Mail outbox');
  const [draft, setDraft] = useState('');
  const [to, setTo] = useState('');
  const outbox = useOutbox(to);

  function filter(event: FormEvent) {
    event.preventDefault();
    setTo(draft.trim());
  }

  return (
    <div className="stack">
      <header className="page-header">
        <h1>Mail outbox</h1>
        <p>Every mail this Tavola sends. Without a mail server (SMTP_URL) mails are only stored here: open one to read it and follow its links.</p>
      </header>
      <Card>
        <form className="form" onSubmit={filter} aria-label="Filter mails">
          <TextField label="Recipient" type="search" autoComplete="off" value={draft} onChange={(e) => setDraft(e.target.value)} description="Show only mails sent to this address." />
          <div className="button-row">
            <Button type="submit">Filter</Button>
            <Button variant="secondary" busy={outbox.isFetching && !outbox.isPending} onClick={() => void outbox.refetch()}>
              Refresh
            </Button>
          </div>
        </form>
      </Card>
      <Card heading={to ? `Mails to ${to}` : 'Latest mails'}>
        {outbox.isPending && <LoadingState label="Loading mails…" />}
        {outbox.isError && !outbox.data && <p role="alert">The outbox could not be loaded.</p>}
        {outbox.data?.items.length === 0 && <p className="empty-state">No mails yet.</p>}
        {outbox.data && outbox.data.items.length > 0 && (
          <ul className="item-list" aria-label="Mails">
            {outbox.data.items.map((mail) => (
              <MailItem key={mail.id} mail={mail} />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function MailItem({ mail }: { mail: OutboxMail }) {
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  return (
    <li className="mail">
      <h3 className="mail__heading">
        <button type="button" className="mail__toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          <svg className="mail__chevron icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="m9 6 6 6-6 6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <span className="mail__summary">
            <span className="mail__subject">{mail.subject}</span>
            <span className="item__meta">
              To {mail.to} · <DateTime value={mail.createdAt} />
            </span>
          </span>
        </button>
      </h3>
      <p className="item__meta">
        <span className={mail.status === 'failed' ? 'badge badge--danger' : 'badge'}>{statusNames[mail.status]}</span>
        {mail.attempts > 1 && ` · ${mail.attempts} attempts`}
        {mail.lastError && ` · ${mail.lastError}`}
      </p>
      <div id={bodyId} hidden={!open}>
        {open && (
          <pre className="mail__body">
            <LinkifiedText text={mail.text} />
          </pre>
        )}
      </div>
    </li>
  );
}
