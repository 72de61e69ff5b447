import type { CreatedApiToken, TokenScope } from '@tavola/contracts/accounts';
import { type FormEvent, useState } from 'react';
import { formErrorsFrom } from '../../api/form-errors';
import { Button, CheckboxGroup, FormErrorSummary, TextField } from '../../ui';
import { useCreateApiToken } from './accounts-api';

const fields = {
  name: { id: 'token-name', label: 'Token name' },
  scopes: { id: 'token-scope-read', label: 'Scopes' },
};

const scopeOptions: { value: TokenScope; label: string; description: string }[] = [
  { value: 'read', label: 'Read', description: 'See your account and everything you can see.' },
  { value: 'write', label: 'Write', description: 'Create, change and delete on your behalf.' },
];

export function CreateApiTokenForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const create = useCreateApiToken();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['read']);
  const [scopeError, setScopeError] = useState<string>();
  const errors = formErrorsFrom(create.error, fields);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (scopes.length === 0) {
      setScopeError('Choose at least one scope.');
      return;
    }
    setScopeError(undefined);
    try {
      const created = await create.mutateAsync({ name: name.trim(), scopes });
      setName('');
      setScopes(['read']);
      create.reset();
      onCreated(created);
    } catch {
      // Shown beside the fields.
    }
  }

  return (
    <form className="form" onSubmit={submit} aria-label="Create an API token">
      <FormErrorSummary message={errors.message} items={errors.items} />
      <TextField
        id={fields.name.id}
        label="Token name"
        required
        maxLength={80}
        description="What will use it, e.g. “Recipe importer”."
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.fields.name}
      />
      <CheckboxGroup legend="Scopes" name="scopes" options={scopeOptions} value={scopes} onChange={setScopes} error={scopeError ?? errors.fields.scopes} />
      <div className="button-row">
        <Button type="submit" busy={create.isPending}>
          Create token
        </Button>
      </div>
    </form>
  );
}
