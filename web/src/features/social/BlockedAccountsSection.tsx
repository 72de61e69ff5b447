import { Button, Card, LoadingState, toast } from '../../ui';
import { useBlockedAccounts, useUnblock } from './social-api';

/** The accounts the viewer blocked, each with an unblock button (blocks are made on profiles). */
export function BlockedAccountsSection() {
  const blocked = useBlockedAccounts();
  const unblock = useUnblock();
  const items = blocked.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card heading="Blocked accounts" description="You do not see each other’s recipes or profiles, and neither can follow the other.">
      {blocked.isPending && <LoadingState label="Loading blocked accounts…" />}
      {blocked.isError && <p role="alert">Your blocked accounts could not be loaded.</p>}
      {blocked.data && items.length === 0 && <p>You have not blocked anyone.</p>}
      {items.length > 0 && (
        <ul className="item-list" aria-label="Blocked accounts">
          {items.map((person) => {
            const name = person.displayName || person.username;
            return (
              <li key={person.id} className="item">
                <div className="item__main">
                  <p className="item__title">{name}</p>
                  <p className="item__meta">@{person.username}</p>
                </div>
                <Button
                  variant="secondary"
                  busy={unblock.isPending && unblock.variables === person.username}
                  disabled={unblock.isPending}
                  onClick={() => unblock.mutate(person.username, { onSuccess: () => toast.success(`${name} is unblocked.`) })}
                >
                  Unblock<span className="visually-hidden"> {name}</span>
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {blocked.hasNextPage && (
        <Button variant="secondary" busy={blocked.isFetchingNextPage} onClick={() => blocked.fetchNextPage()}>
          Load more
        </Button>
      )}
    </Card>
  );
}
