import type { Recipe, VersionSummary } from '@tavola/contracts/recipes';
import { type FormEvent, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { describeError } from '../../api/api-error';
import { useViewer } from '../../api/session';
import { usePageTitle } from '../../shell/page-title';
import { Button, Card, ConfirmDialog, DateTime, LoadingState, toast } from '../../ui';
import { RecipeDiffView } from './RecipeDiffView';
import { authorName } from './recipe-format';
import { useRecipe, useRecipeDiff, useRecipeVersions, useRestoreVersion } from './recipes-api';
import { RecipeQueryState } from './RecipeStates';
import './recipe-history.css';

/** Every saved version of a recipe; pick two to see what changed; the author can restore one. */
export function RecipeHistoryPage() {
  const id = useParams().id ?? '';
  const recipe = useRecipe(id);
  if (!recipe.data) return <RecipeQueryState error={recipe.error} onRetry={() => recipe.refetch()} />;
  return <History recipe={recipe.data} />;
}

function readRange(params: URLSearchParams): { from: number; to: number } | null {
  const from = Number(params.get('from'));
  const to = Number(params.get('to'));
  return Number.isInteger(from) && Number.isInteger(to) && from > 0 && to > 0 && from !== to ? { from, to } : null;
}

function History({ recipe }: { recipe: Recipe }) {
  usePageTitle(`History of ${recipe.content.title}`);
  const { viewer } = useViewer();
  const isOwner = viewer?.id === recipe.author.id;
  const versions = useRecipeVersions(recipe.id);
  const [params, setParams] = useSearchParams();
  const range = readRange(params);
  const [selected, setSelected] = useState<number[]>(() => (range ? [range.from, range.to] : []));
  const diff = useRecipeDiff(recipe.id, range);
  const [restoring, setRestoring] = useState<VersionSummary | null>(null);
  const restore = useRestoreVersion(recipe.id);
  const items = versions.data?.items ?? [];
  // Until the reader picks, the two newest versions are ready to compare.
  const chosen = selected.length || items.length < 2 ? selected : items.slice(0, 2).map((v) => v.number);

  function toggle(number: number, checked: boolean) {
    // Two at most: picking a third lets go of the one picked first.
    setSelected(checked ? [...chosen.filter((n) => n !== number), number].slice(-2) : chosen.filter((n) => n !== number));
  }

  function compare(event: FormEvent) {
    event.preventDefault();
    if (chosen.length !== 2) return;
    const [a, b] = chosen as [number, number];
    setParams({ from: String(Math.min(a, b)), to: String(Math.max(a, b)) }, { replace: true });
  }

  function confirmRestore() {
    if (!restoring) return;
    const number = restoring.number;
    restore.mutate(number, {
      onSuccess: (saved) => {
        setRestoring(null);
        setSelected([]);
        toast.success(`Version ${number} is restored as version ${saved.version}.`);
      },
    });
  }

  return (
    <div className="stack">
      <header className="page-header">
        <h1>History of {recipe.content.title}</h1>
        <p>
          Every save is kept as a version. <Link to={`/recipes/${recipe.id}`}>Back to the recipe</Link>
        </p>
      </header>

      <Card heading="Versions">
        {versions.isPending && <LoadingState label="Loading versions…" />}
        {versions.isError && <p role="alert">The versions could not be loaded: {describeError(versions.error)}</p>}
        {items.length > 0 && (
          <form onSubmit={compare}>
            <p className="item__meta" id="compare-help">
              {items.length > 1 ? 'Tick two versions and compare them.' : 'There is only one version so far.'}
            </p>
            <ol className="version-list" aria-label="Versions, newest first" reversed>
              {items.map((version) => (
                <VersionItem
                  key={version.id}
                  recipeId={recipe.id}
                  version={version}
                  isCurrent={version.number === recipe.version}
                  checked={chosen.includes(version.number)}
                  canCompare={items.length > 1}
                  onToggle={(checked) => toggle(version.number, checked)}
                  onRestore={isOwner && version.number !== recipe.version ? () => setRestoring(version) : undefined}
                />
              ))}
            </ol>
            {items.length > 1 && (
              <div className="button-row version-list__compare">
                <Button type="submit" disabled={chosen.length !== 2} aria-describedby="compare-help">
                  Compare selected versions
                </Button>
              </div>
            )}
          </form>
        )}
      </Card>

      {range && (
        <section className="card diff" aria-labelledby="diff-title" aria-busy={diff.isFetching || undefined}>
          <h2 id="diff-title">
            Changes from version {range.from} to version {range.to}
          </h2>
          {diff.isPending && <LoadingState label="Comparing…" />}
          {diff.isError && <p role="alert">These versions could not be compared: {describeError(diff.error)}</p>}
          {diff.data && <RecipeDiffView diff={diff.data} />}
        </section>
      )}

      <ConfirmDialog
        open={restoring !== null}
        title={`Restore version ${restoring?.number ?? ''}?`}
        confirmLabel="Restore this version"
        tone="primary"
        busy={restore.isPending}
        onConfirm={confirmRestore}
        onCancel={() => setRestoring(null)}
      >
        <p>
          The recipe gets the content of version {restoring?.number} as a new version {recipe.version + 1}. Nothing is lost: version {recipe.version}{' '}
          stays in the history.
        </p>
        {restore.error && (
          <p className="form-errors" role="alert">
            {describeError(restore.error)}
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}

interface VersionItemProps {
  recipeId: string;
  version: VersionSummary;
  isCurrent: boolean;
  checked: boolean;
  canCompare: boolean;
  onToggle: (checked: boolean) => void;
  onRestore?: () => void;
}

function VersionItem({ recipeId, version, isCurrent, checked, canCompare, onToggle, onRestore }: VersionItemProps) {
  const checkboxId = `compare-version-${version.number}`;
  return (
    <li className="version">
      <div className="version__main">
        {canCompare ? (
          <div className="checkbox">
            <input type="checkbox" id={checkboxId} checked={checked} onChange={(e) => onToggle(e.target.checked)} />
            <label htmlFor={checkboxId}>
              <span className="checkbox__label">Version {version.number}</span>
            </label>
          </div>
        ) : (
          <p className="item__title">Version {version.number}</p>
        )}
        {isCurrent && <span className="badge badge--success">Current</span>}
      </div>
      <p className="item__meta">
        {authorName(version.author)}, <DateTime value={version.createdAt} />
        {version.restoredFrom !== null && ` · restored from version ${version.restoredFrom}`}
      </p>
      {version.changeNote && <p className="version__note">{version.changeNote}</p>}
      <div className="button-row">
        <Link to={`/recipes/${recipeId}/versions/${version.number}`} className="version__link">
          Read version {version.number}
        </Link>
        {onRestore && (
          <Button variant="secondary" onClick={onRestore}>
            Restore<span className="visually-hidden"> version {version.number}</span>
          </Button>
        )}
      </div>
    </li>
  );
}
