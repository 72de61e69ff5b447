import type { Profile } from '@tavola/contracts/social';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeError, isApiError } from '../../api/api-error';
import { useViewer } from '../../api/session';
import { usePageTitle } from '../../shell/page-title';
import { Button, Card, ConfirmDialog, LoadingState, toast } from '../../ui';
import { ProfileRecipes } from './ProfileRecipes';
import { useBlock, useFollow, useProfile, useUnblock, useUnfollow } from './social-api';
import './social.css';

/** /people/:username: who they are, their counts, the viewer's follow and block controls, and their recipes. */
export function ProfilePage() {
  const { username = '' } = useParams();
  const profile = useProfile(username);
  if (profile.isPending) return <LoadingState label="Loading the profile…" />;
  if (profile.isError) {
    if (isApiError(profile.error) && (profile.error.status === 404 || profile.error.code === 'validation_failed')) return <PersonNotFound />;
    return <ProfileLoadFailed error={profile.error} onRetry={() => profile.refetch()} />;
  }
  return <ProfileView profile={profile.data} />;
}

const nameOf = (profile: Pick<Profile, 'displayName' | 'username'>) => profile.displayName || profile.username;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function ProfileView({ profile }: { profile: Profile }) {
  usePageTitle(nameOf(profile));
  const { viewer } = useViewer();
  const { isSelf, blocking, followsYou } = profile.viewer;
  return (
    <div className="stack">
      <header className="page-header profile-header">
        <div>
          <h1>{nameOf(profile)}</h1>
          <p className="item__meta">
            @{profile.username}
            {profile.privateAccount && <span className="badge">Private account</span>}
            {followsYou && <span className="badge badge--success">Follows you</span>}
          </p>
          <p className="profile-counts">
            {plural(profile.followers, 'follower', 'followers')} · {profile.following} following
          </p>
        </div>
        {viewer && !isSelf && !blocking && <FollowButton profile={profile} />}
        {!viewer && (
          <Link to="/login" className="button button--primary">
            Log in to follow
          </Link>
        )}
        {isSelf && (
          <Link to="/account" className="button button--secondary">
            Privacy and requests
          </Link>
        )}
      </header>
      {blocking ? <BlockedNotice profile={profile} /> : <ProfileRecipes username={profile.username} name={nameOf(profile)} />}
      {viewer && !isSelf && !blocking && <BlockButton profile={profile} />}
    </div>
  );
}

function FollowButton({ profile }: { profile: Profile }) {
  const follow = useFollow(profile.username);
  const unfollow = useUnfollow(profile.username);
  const name = nameOf(profile);
  const state = profile.viewer.follow;
  return (
    <div className="profile-follow">
      {state === 'none' && (
        <Button
          busy={follow.isPending}
          onClick={() =>
            follow.mutate(undefined, {
              onSuccess: (result) => toast.success(result.follow === 'requested' ? `Follow request sent to ${name}.` : `You follow ${name}.`),
            })
          }
        >
          Follow<span className="visually-hidden"> {name}</span>
        </Button>
      )}
      {state !== 'none' && (
        <>
          <p className="item__meta" role="status">
            {state === 'requested' ? 'Follow request sent' : `You follow ${name}`}
          </p>
          <Button variant="secondary" busy={unfollow.isPending} onClick={() => unfollow.mutate(undefined, { onSuccess: () => toast.success(state === 'requested' ? 'Follow request withdrawn.' : `You no longer follow ${name}.`) })}>
            {state === 'requested' ? 'Withdraw request' : 'Unfollow'}
          </Button>
        </>
      )}
    </div>
  );
}

function BlockButton({ profile }: { profile: Profile }) {
  const [confirming, setConfirming] = useState(false);
  const block = useBlock(profile.username);
  const name = nameOf(profile);
  return (
    <div>
      <Button variant="quiet" onClick={() => setConfirming(true)}>
        Block {name}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Block ${name}?`}
        confirmLabel="Block"
        busy={block.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          // Awaited rather than a mutate callback: the block replaces this button, and TanStack Query drops callbacks on unmount.
          await block.mutateAsync().then(
            () => toast.success(`${name} is blocked.`),
            () => undefined,
          );
        }}
      >
        <p>You will stop following each other, and neither of you will see the other’s recipes. {name} is not told; their profile page no longer shows you.</p>
        {block.error && <p role="alert">{describeError(block.error)}</p>}
      </ConfirmDialog>
    </div>
  );
}

function BlockedNotice({ profile }: { profile: Profile }) {
  const unblock = useUnblock();
  const name = nameOf(profile);
  return (
    <Card className="empty-state">
      <p>You blocked {name}. You do not see each other’s recipes.</p>
      <Button
        variant="secondary"
        busy={unblock.isPending}
        onClick={() =>
          unblock.mutateAsync(profile.username).then(
            () => toast.success(`${name} is unblocked.`),
            () => undefined,
          )
        }
      >
        Unblock {name}
      </Button>
    </Card>
  );
}

function PersonNotFound() {
  usePageTitle('Person not found');
  return (
    <div className="narrow">
      <h1>Person not found</h1>
      <p>There is nobody with this name on Tavola.</p>
      <p>
        <Link to="/recipes">Browse recipes</Link>
      </p>
    </div>
  );
}

function ProfileLoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  usePageTitle('Profile not loaded');
  return (
    <div className="narrow">
      <h1>The profile could not be loaded</h1>
      <p role="alert">{describeError(error)}</p>
      <Button onClick={onRetry}>Try again</Button>
    </div>
  );
}
