import { Link } from 'react-router';
import { describeError } from '../../api/api-error';
import { usePageTitle } from '../../shell/page-title';
import { Button, LoadingState } from '../../ui';
import { isNotFound } from './wine-knowledge-api';

/** What the knowledge base calls the thing a page shows: "region", "grape", "classification". */
export type WineEntryKind = 'region' | 'grape' | 'classification' | 'tasting guide';

const capitalised = (kind: WineEntryKind) => `${kind[0]?.toUpperCase()}${kind.slice(1)}`;

/** What a knowledge page shows instead of its entry: loading, not found, failed. */
export function WineQueryState({ kind, error, onRetry }: { kind: WineEntryKind; error: unknown; onRetry: () => void }) {
  if (!error) return <LoadingState label={`Loading the ${kind}…`} />;
  if (isNotFound(error)) return <WineEntryNotFound kind={kind} />;
  return <WineLoadFailed kind={kind} error={error} onRetry={onRetry} />;
}

export function WineEntryNotFound({ kind }: { kind: WineEntryKind }) {
  usePageTitle(`${capitalised(kind)} not found`);
  return (
    <div className="narrow">
      <h1>{capitalised(kind)} not found</h1>
      <p>There is no {kind} at this address in the wine knowledge base.</p>
      <p>
        <Link to="/wine">Browse wine regions and grapes</Link>
      </p>
    </div>
  );
}

function WineLoadFailed({ kind, error, onRetry }: { kind: WineEntryKind; error: unknown; onRetry: () => void }) {
  usePageTitle(`${capitalised(kind)} not loaded`);
  return (
    <div className="narrow">
      <h1>The {kind} could not be loaded</h1>
      <p role="alert">{describeError(error)}</p>
      <Button onClick={onRetry}>Try again</Button>
    </div>
  );
}
