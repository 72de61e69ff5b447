import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { formErrorsFrom } from '../../api/form-errors';
import { Button, FormErrorSummary, TextField } from '../../ui';
import { useForgotPassword } from './accounts-api';
import { AuthLayout } from './AuthLayout';

const fields = { email: { id: 'forgot-email', label: 'Email' } };

export function ForgotPasswordPage() {
  const forgot = useForgotPassword();
  const [email, setEmail] = useState('');
  const errors = formErrorsFrom(forgot.error, fields);

  function submit(event: FormEvent) {
    event.preventDefault();
    forgot.mutate(email.trim());
  }

  return (
    <AuthLayout
      title="Reset your password"
      intro="Tell us the email address of your account and we will send you a link to choose a new password."
      footer={
        <p>
          Remembered it? <Link to="/login">Log in</Link>
        </p>
      }
    >
      {forgot.isSuccess ? (
        <div className="stack">
          <p className="notice notice--success" role="status">
            If an account uses {forgot.variables}, we sent it a link to reset the password. The link expires soon and works once.
          </p>
          <p>
            Nothing arrived after a few minutes? Check your spam folder, or{' '}
            <Button variant="quiet" onClick={() => forgot.reset()}>
              try again
            </Button>
          </p>
        </div>
      ) : (
        <form className="form" onSubmit={submit}>
          <FormErrorSummary message={errors.message} items={errors.items} />
          <TextField
            id={fields.email.id}
            label="Email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={errors.fields.email}
          />
          <Button type="submit" busy={forgot.isPending}>
            Send reset link
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
