import { Link, useLocation } from 'react-router';
import { ResendVerificationButton } from './ResendVerificationButton';

/** Asks a signed-in person whose address is not verified yet to open the link we mailed. */
export function VerifyEmailBanner({ email }: { email: string }) {
  const location = useLocation();
  if (location.pathname === '/verify-email') return null;
  return (
    <section className="banner" aria-label="Email verification">
      <p>
        <strong>Please verify your email address.</strong> We sent a link to {email}. <Link to="/verify-email">Why?</Link>
      </p>
      <ResendVerificationButton email={email} />
    </section>
  );
}
