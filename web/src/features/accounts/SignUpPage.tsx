import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { formErrorsFrom } from '../../api/form-errors';
import { useViewer } from '../../api/session';
import { safeNextPath } from '../../shell/safe-next';
import { Button, FormErrorSummary, TextField, toast } from '../../ui';
import { useSignUp } from './accounts-api';
import { AuthLayout } from './AuthLayout';

const fields = {
  email: { id: 'signup-email', label: 'Email' },
  username: { id: 'signup-username', label: 'Username' },
  displayName: { id: 'signup-display-name', label: 'Display name' },
  password: { id: 'signup-password', label: 'Password' },
};

export function SignUpPage() {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const { viewer } = useViewer();
  const signUp = useSignUp();
  const [email, setEmail] = useState('');
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const errors = formErrorsFrom(signUp.error, fields);

  if (viewer && signUp.isIdle) return <Navigate to={next} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const me = await signUp.mutateAsync({ email, username, password, displayName: displayName.trim() || undefined });
      toast.success(`Welcome to Tavola! We sent a link to ${me.email} to verify your address.`);
      navigate(next, { replace: true });
    } catch {
      // The error is shown beside the fields.
    }
  }

  return (
    <AuthLayout
      title="Create your account"
      intro="Join Tavola to share recipes, your cellar and your table."
      footer={
        <p>
          Already have an account? <Link to={params.get('next') ? `/login?next=${encodeURIComponent(next)}` : '/login'}>Log in</Link>
        </p>
      }
    >
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
        <TextField
          id={fields.username.id}
          label="Username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          minLength={3}
          maxLength={30}
          pattern="[a-zA-Z0-9_.\-]+"
          description="3 to 30 characters: letters, digits, dot, dash and underscore. Others find you by it."
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={errors.fields.username}
        />
        <TextField
          id={fields.displayName.id}
          label="Display name"
          autoComplete="name"
          maxLength={80}
          description="Optional: the name shown on your recipes."
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={errors.fields.displayName}
        />
        <TextField
          id={fields.password.id}
          label="Password"
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
        <Button type="submit" busy={signUp.isPending}>
          Create account
        </Button>
      </form>
    </AuthLayout>
  );
}
