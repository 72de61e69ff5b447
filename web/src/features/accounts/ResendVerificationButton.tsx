import { Button, toast } from '../../ui';
import { useResendVerification } from './accounts-api';

/** Sends the verification mail again to the signed-in person. */
export function ResendVerificationButton({ email, variant = 'secondary' }: { email: string; variant?: 'primary' | 'secondary' }) {
  const resend = useResendVerification();
  return (
    <Button
      variant={variant}
      busy={resend.isPending}
      onClick={() => resend.mutate(undefined, { onSuccess: () => toast.success(`We sent a new verification link to ${email}.`) })}
    >
      Resend verification email
    </Button>
  );
}
