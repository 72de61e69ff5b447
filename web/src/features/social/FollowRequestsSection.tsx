import { Link } from 'react-router';
import { Button, Card, DateTime, LoadingState, toast } from '../../ui';
import { useAnswerRequest, useFollowRequests } from './social-api';

type Requester = NonNullable<ReturnType<typeof useFollowRequests>['data']>['pages'][number]['items'][number];

/** Incoming follow requests (a private account's), each accepted or declined. */
export function FollowRequestsSection() {
  const requests = useFollowRequests();
  const items = requests.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card heading="Follow requests" description="People who asked to follow you. Accepted followers see your followers-only recipes.">
      {requests.isPending && <LoadingState label="Loading follow requests…" />}
      {requests.isError && <p role="alert">Your follow requests could not be loaded.</p>}
      {requests.data && items.length === 0 && <p>No follow requests waiting.</p>}
      {items.length > 0 && (
        <ul className="item-list" aria-label="Follow requests">
          {items.map((person) => (
            <RequestItem key={person.id} person={person} />
          ))}
        </ul>
      )}
      {requests.hasNextPage && (
        <Button variant="secondary" busy={requests.isFetchingNextPage} onClick={() => requests.fetchNextPage()}>
          Load more requests
        </Button>
      )}
    </Card>
  );
}

function RequestItem({ person }: { person: Requester }) {
  const answer = useAnswerRequest();
  const name = person.displayName || person.username;
  const reply = (choice: 'accept' | 'decline') =>
    // Awaited rather than a mutate callback: the answered request leaves the list, and TanStack Query drops callbacks on unmount.
    answer.mutateAsync({ username: person.username, answer: choice }).then(
      () => toast.success(choice === 'accept' ? `${name} now follows you.` : `${name}’s request was declined.`),
      () => undefined,
    );
  return (
    <li className="item">
      <div className="item__main">
        <p className="item__title">
          <Link to={`/people/${person.username}`}>{name}</Link>
        </p>
        <p className="item__meta">
          @{person.username} · asked <DateTime value={person.since} />
        </p>
      </div>
      <div className="button-row">
        <Button busy={answer.isPending && answer.variables?.answer === 'accept'} disabled={answer.isPending} onClick={() => reply('accept')}>
          Accept<span className="visually-hidden"> {name}</span>
        </Button>
        <Button variant="secondary" busy={answer.isPending && answer.variables?.answer === 'decline'} disabled={answer.isPending} onClick={() => reply('decline')}>
          Decline<span className="visually-hidden"> {name}</span>
        </Button>
      </div>
    </li>
  );
}
