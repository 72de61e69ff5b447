import { type FormEvent, useState } from 'react';
import { formErrorsFrom } from '../../api/form-errors';
import { Button, Card, FormErrorSummary, TextField, toast } from '../../ui';
import { useChangePassword } from './accounts-api';

const fields = {
  currentPassword: { id: 'change-current-password', label: 'Current password' },
  newPassword: { id: 'change-new-password', label: 'New password' },
};

/** Problem codes that mean "the current password is wrong" when the server sends no field list. */
const codeFields = { wrong_password: 'currentPassword' };

export function ChangePasswordSection({ username }: { username: string }) {
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const errors = formErrorsFrom(change.error, fields, codeFields);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await change.mutateAsync({ currentPassword, newPassword });
      setCurrentPassword('');
      setNewPassword('');
      toast.success('Your password was changed. Your other devices were logged out.');
    } catch {
      // Shown beside the fields.
    }
  }

  return (
    <Card heading="Change password" description="You stay logged in here; every other device is logged out.">
      <form className="form" onSubmit={submit}>
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
        <FormErrorSummary message={errors.message} items={errors.items} />
        <TextField
          id={fields.currentPassword.id}
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
          error={errors.fields.currentPassword}
        />
        <TextField
          id={fields.newPassword.id}
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          maxLength={128}
          description="At least 8 characters."
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          error={errors.fields.newPassword}
        />
        <div className="button-row">
          <Button type="submit" busy={change.isPending}>
            Change password
          </Button>
        </div>
      </form>
    </Card>
  );
}
