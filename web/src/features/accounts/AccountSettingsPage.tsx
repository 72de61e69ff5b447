import { useViewer } from '../../api/session';
import { usePageTitle } from '../../shell/page-title';
import { LoadingState } from '../../ui';
import { BlockedAccountsSection } from '../social/BlockedAccountsSection';
import { FollowRequestsSection } from '../social/FollowRequestsSection';
import { PrivacySection } from '../social/PrivacySection';
import { ApiTokensSection } from './ApiTokensSection';
import { ChangePasswordSection } from './ChangePasswordSection';
import { DeleteAccountSection } from './DeleteAccountSection';
import { PreferencesSection } from './PreferencesSection';
import { ProfileSection } from './ProfileSection';
import { SessionsSection } from './SessionsSection';

export function AccountSettingsPage() {
  usePageTitle('Account settings');
  const { viewer } = useViewer();
  if (!viewer) return <LoadingState />;
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Account settings</h1>
        <p>Your profile, preferences, privacy, followers, password, devices and API tokens.</p>
      </header>
      <ProfileSection viewer={viewer} />
      <PreferencesSection viewer={viewer} />
      <FollowRequestsSection />
      <PrivacySection />
      <BlockedAccountsSection />
      <ChangePasswordSection username={viewer.username} />
      <SessionsSection />
      <ApiTokensSection />
      <DeleteAccountSection />
    </div>
  );
}
