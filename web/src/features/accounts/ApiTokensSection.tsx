import type { ApiToken, CreatedApiToken } from '@tavola/contracts/accounts';
import { useState } from 'react';
import { Button, Card, ConfirmDialog, DateTime, LoadingState, toast } from '../../ui';
import { useApiTokens, useRevokeApiToken } from './accounts-api';
import { CreateApiTokenForm } from './CreateApiTokenForm';
import { NewApiTokenPanel } from './NewApiTokenPanel';

/** Personal API tokens: for scripts and apps that act as you. */
export function ApiTokensSection() {
  const tokens = useApiTokens();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  return (
    <Card heading="API tokens" description="Personal tokens let your scripts and apps use the Tavola API as you. Give each one only the scopes it needs.">
      <div className="stack">
        {created ? <NewApiTokenPanel token={created} onDone={() => setCreated(null)} /> : <CreateApiTokenForm onCreated={setCreated} />}
        <h3>Your tokens</h3>
        {tokens.isPending && <LoadingState label="Loading your tokens…" />}
        {tokens.isError && <p role="alert">Your tokens could not be loaded.</p>}
        {tokens.data?.length === 0 && <p className="empty-state">You have no API tokens.</p>}
        {tokens.data && tokens.data.length > 0 && (
          <ul className="item-list" aria-label="API tokens">
            {tokens.data.map((token) => (
              <TokenItem key={token.id} token={token} />
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}

function TokenItem({ token }: { token: ApiToken }) {
  const revoke = useRevokeApiToken();
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="item">
      <div className="item__main">
        <p className="item__title">{token.name}</p>
        <p className="item__meta">
          <code>{token.prefix}…</code> · {token.scopes.join(', ')}
        </p>
        <p className="item__meta">
          Created <DateTime value={token.createdAt} dateOnly /> · {token.lastUsedAt ? <>last used <DateTime value={token.lastUsedAt} /></> : 'never used'}
        </p>
      </div>
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        Revoke<span className="visually-hidden"> {token.name}</span>
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Revoke “${token.name}”?`}
        confirmLabel="Revoke token"
        busy={revoke.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          revoke.mutate(token.id, {
            onSuccess: () => {
              setConfirming(false);
              toast.success(`Token “${token.name}” was revoked.`);
            },
          })
        }
      >
        <p>Anything using this token stops working at once. This cannot be undone.</p>
      </ConfirmDialog>
    </li>
  );
}
