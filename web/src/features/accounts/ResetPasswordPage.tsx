import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formErrorsFrom } from '../../api/form-errors';
import { Button, FormErrorSummary, TextField, toast } from '../../ui';
import { useResetPassword } from './accounts-api';
import { AuthLayout } from './AuthLayout';

const fields = { password: { id: 'reset-password', label: 'New password' } };

/** Opened from the password reset mail (/reset-password?token=…). */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const navigate = useNavigate();
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const errors = formErrorsFrom(reset.error, fields);

  if (!token) {
    return (
      <AuthLayout title="Choose a new password">
        <p>This page needs the link from your password reset email.</p>
        <Link to="/forgot-password" className="button button--primary">
          Request a reset link
        </Link>
      </AuthLayout>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await reset.mutateAsync({ token: token as string, password });
      toast.success('Your password was changed. Log in with your new password.');
      navigate('/login', { replace: true });
    } catch {
      // Shown in the form.
    }
  }

  const tokenRefused = reset.isError && !errors.fields.password;
  return (
    <AuthLayout title="Choose a new password" intro="After this, you will be logged out everywhere and can log in with the new password.">
      <form className="form" onSubmit={submit}>
        <FormErrorSummary message={errors.message} items={errors.items} />
        {tokenRefused && (
          <p>
            <Link to="/forgot-password">Request a new reset link</Link>
          </p>
        )}
        <TextField
          id={fields.password.id}
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          maxLength={128}
          description="At least 8 characters. A few unrelated words make a strong password that is easy to remember."
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.fields.password}
        />
        <Button type="submit" busy={reset.isPending}>
          Set new password
        </Button>
      </form>
    </AuthLayout>
  );
}
