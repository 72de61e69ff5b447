import { describeError } from '../../api/api-error';
import { Card, LoadingState, toast } from '../../ui';
import { usePrivacy, useSetPrivacy } from './social-api';

/** The private-account switch: a checkbox saved as soon as it changes. */
export function PrivacySection() {
  const privacy = usePrivacy();
  const save = useSetPrivacy();
  const checked = save.isPending ? (save.variables ?? false) : (privacy.data?.privateAccount ?? false);
  return (
    <Card heading="Privacy" description="On a private account, people ask to follow you and you choose whom to accept. Your public recipes stay public.">
      {privacy.isPending && <LoadingState label="Loading your privacy settings…" />}
      {privacy.isError && <p role="alert">Your privacy settings could not be loaded.</p>}
      {privacy.data && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={checked}
            disabled={save.isPending}
            onChange={(event) =>
              save.mutate(event.target.checked, {
                onSuccess: (result) => toast.success(result.privateAccount ? 'Your account is private.' : 'Your account is public; waiting requests were accepted.'),
              })
            }
          />
          <span className="checkbox__label">Private account: approve who follows me</span>
        </label>
      )}
      {save.error && <p role="alert">{describeError(save.error)}</p>}
    </Card>
  );
}
