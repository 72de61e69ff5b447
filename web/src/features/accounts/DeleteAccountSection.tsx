import { type FormEvent, useCallback, useState } from 'react';
import { formErrorsFrom } from '../../api/form-errors';
import { Button, Card, Dialog, FormErrorSummary, TextField, toast } from '../../ui';
import { useDeleteAccount } from './accounts-api';

const fields = { password: { id: 'delete-account-password', label: 'Your password' } };
const codeFields = { wrong_password: 'password' };

export function DeleteAccountSection() {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const deleteAccount = useDeleteAccount();
  const errors = formErrorsFrom(deleteAccount.error, fields, codeFields);

  const close = useCallback(() => {
    setOpen(false);
    setPassword('');
    deleteAccount.reset();
  }, [deleteAccount.reset]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await deleteAccount.mutateAsync(password);
      toast.success('Your account was deleted. Thank you for cooking with us.');
    } catch {
      // Shown in the dialog.
    }
  }

  return (
    <Card heading="Delete account" tone="danger" description="Your account is closed at once and you are logged out everywhere. This cannot be undone.">
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete account…
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title="Delete your account?"
        actions={
          <Button variant="danger" type="submit" form="delete-account-form" busy={deleteAccount.isPending}>
            Delete my account
          </Button>
        }
      >
        <form id="delete-account-form" className="form" onSubmit={submit}>
          <p>Everything you have shared will no longer be available. Enter your password to confirm.</p>
          <FormErrorSummary message={errors.message} items={errors.items} />
          <TextField
            id={fields.password.id}
            label="Your password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={errors.fields.password}
          />
        </form>
      </Dialog>
    </Card>
  );
}
