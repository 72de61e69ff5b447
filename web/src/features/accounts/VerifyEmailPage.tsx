import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../../api/api-error';
import { useViewer } from '../../api/session';
import { usePageTitle } from '../../shell/page-title';
import { Card, LoadingState } from '../../ui';
import { useVerifyEmail } from './accounts-api';
import { ResendVerificationButton } from './ResendVerificationButton';

/** Opened from the verification mail (/verify-email?token=…), or from the banner to read why and resend. */
export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const { viewer, isPending: viewerPending } = useViewer();
  const verify = useVerifyEmail();
  const started = useRef(false);

  useEffect(() => {
    // Tokens are single-use: send it once, even when effects run twice in development.
    if (!token || started.current) return;
    started.current = true;
    verify.mutate(token);
  }, [token, verify]);

  const title = !token ? 'Verify your email' : verify.isSuccess ? 'Email verified' : verify.isError ? 'Verification failed' : 'Verifying your email';
  usePageTitle(title);

  return (
    <div className="narrow stack">
      <header className="page-header">
        <h1>{title}</h1>
      </header>
      <Card>
        {token && (verify.isPending || verify.isIdle) && <LoadingState label="Checking your link…" />}
        {token && verify.isSuccess && (
          <div className="stack">
            <p className="notice notice--success" role="status">
              Thank you: your email address {verify.data.email} is verified.
            </p>
            <p>{viewer ? <Link to="/">Continue to Tavola</Link> : <Link to="/login">Log in to continue</Link>}</p>
          </div>
        )}
        {token && verify.isError && (
          <div className="stack">
            <p className="notice notice--warning" role="alert">
              {describeError(verify.error)} Links expire, and each one works once.
            </p>
            <ResendOrLogIn />
          </div>
        )}
        {!token && (viewerPending ? <LoadingState /> : <NoTokenHelp />)}
      </Card>
    </div>
  );
}

function ResendOrLogIn() {
  const { viewer } = useViewer();
  if (viewer?.emailVerified) return <p>Your email address is already verified. <Link to="/">Continue to Tavola</Link></p>;
  if (viewer) return <ResendVerificationButton email={viewer.email} variant="primary" />;
  return (
    <p>
      <Link to="/login?next=%2Fverify-email">Log in</Link> to get a new verification link.
    </p>
  );
}

function NoTokenHelp() {
  const { viewer } = useViewer();
  if (viewer?.emailVerified) {
    return (
      <p>
        Your email address {viewer.email} is verified. <Link to="/">Continue to Tavola</Link>
      </p>
    );
  }
  return (
    <div className="stack">
      <p>
        Verifying your address lets us send you password resets and the notifications you ask for, and tells others the
        account is really yours.
      </p>
      {viewer ? (
        <>
          <p>We sent a link to {viewer.email}. Open it on any device to verify. Nothing arrived? Check your spam folder, or:</p>
          <ResendVerificationButton email={viewer.email} variant="primary" />
        </>
      ) : (
        <p>
          Open the link from the email we sent you, or <Link to="/login?next=%2Fverify-email">log in</Link> to request a new one.
        </p>
      )}
    </div>
  );
}
