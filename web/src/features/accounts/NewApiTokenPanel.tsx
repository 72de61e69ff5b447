import type { CreatedApiToken } from '@tavola/contracts/accounts';
import { useRef } from 'react';
import { Button, Card, TextField, toast } from '../../ui';

/** The secret of a token just created: shown this once, with a copy button. */
export function NewApiTokenPanel({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  const input = useRef<HTMLInputElement>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token.token);
      toast.success('Token copied to the clipboard.');
    } catch {
      // Without clipboard access (plain http), select it so the person can copy it themselves.
      input.current?.focus();
      input.current?.select();
      toast.info('Press Ctrl+C (or ⌘C) to copy the selected token.');
    }
  }

  return (
    <Card heading={`Token “${token.name}” created`} headingLevel={3} tone="highlight">
      <p className="notice notice--warning">
        <strong>Copy this token now.</strong> It is shown only once: we keep just a fingerprint of it and cannot show it again.
      </p>
      <div className="form">
        <div className="token-secret">
          <TextField
            ref={input}
            label="Your new token"
            readOnly
            value={token.token}
            spellCheck={false}
            onFocus={(e) => e.currentTarget.select()}
            className="token-secret__field"
            description={`Send it as the header “Authorization: Bearer …”. Scopes: ${token.scopes.join(', ')}.`}
          />
        </div>
        <div className="button-row">
          <Button onClick={copy}>Copy token</Button>
          <Button variant="secondary" onClick={onDone}>
            I have copied it
          </Button>
        </div>
      </div>
    </Card>
  );
}
