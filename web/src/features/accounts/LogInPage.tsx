import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { formErrorsFrom } from '../../api/form-errors';
import { useViewer } from '../../api/session';
import { safeNextPath } from '../../shell/safe-next';
import { Button, FormErrorSummary, TextField } from '../../ui';
import { useLogIn } from './accounts-api';
import { AuthLayout } from './AuthLayout';

const fields = {
  login: { id: 'login-name', label: 'Email or username' },
  password: { id: 'login-password', label: 'Password' },
};

export function LogInPage() {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const { viewer } = useViewer();
  const logIn = useLogIn();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const errors = formErrorsFrom(logIn.error, fields);

  if (viewer && logIn.isIdle) return <Navigate to={next} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await logIn.mutateAsync({ login, password });
      navigate(next, { replace: true });
    } catch {
      setPassword('');
    }
  }

  return (
    <AuthLayout
      title="Log in"
      intro={params.get('next') ? 'Log in to continue.' : 'Welcome back.'}
      footer={
        <>
          <p>
            <Link to="/forgot-password">Forgot your password?</Link>
          </p>
          <p>
            New to Tavola? <Link to={params.get('next') ? `/signup?next=${encodeURIComponent(next)}` : '/signup'}>Create an account</Link>
          </p>
        </>
      }
    >
      <form className="form" onSubmit={submit}>
        <FormErrorSummary message={errors.message} items={errors.items} />
        <TextField
          id={fields.login.id}
          label="Email or username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={login}
          onChange={(e) => setLogin(e.target.value)}
          error={errors.fields.login}
        />
        <TextField
          id={fields.password.id}
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.fields.password}
        />
        <Button type="submit" busy={logIn.isPending}>
          Log in
        </Button>
      </form>
    </AuthLayout>
  );
}
