import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../shell/page-title';
import { DateTime } from '../../ui';
import { EquipmentList, IngredientSections, NotesAndSource, RecipeFacts, RecipeLabels, StepsSection } from './RecipeContentParts';
import { authorName } from './recipe-format';
import { useRecipeVersion } from './recipes-api';
import { RecipeQueryState } from './RecipeStates';
import './recipe-page.css';

type Version = NonNullable<ReturnType<typeof useRecipeVersion>['data']>;

/** One saved version of a recipe, read-only, at a stable address (/recipes/:id/versions/:number). */
export function RecipeVersionPage() {
  const params = useParams();
  const id = params.id ?? '';
  const number = Number(params.number);
  const version = useRecipeVersion(id, Number.isInteger(number) && number > 0 ? number : 0);
  if (!version.data) return <RecipeQueryState error={version.error} onRetry={() => version.refetch()} />;
  return <VersionView version={version.data} />;
}

function VersionView({ version }: { version: Version }) {
  const c = version.content;
  usePageTitle(`${c.title} (version ${version.number})`);
  return (
    <article className="recipe" aria-labelledby="recipe-title">
      <header className="recipe__header">
        <h1 id="recipe-title">{c.title}</h1>
        <div className="notice no-print">
          <p>
            <strong>Version {version.number}</strong>, saved by {authorName(version.author)} on <DateTime value={version.createdAt} />
            {version.changeNote && <>: “{version.changeNote}”</>}.
          </p>
          <p>
            <Link to={`/recipes/${version.recipeId}`}>Open the current version</Link> ·{' '}
            <Link to={`/recipes/${version.recipeId}/history`}>History</Link>
          </p>
        </div>
        {c.description && <p className="recipe__description">{c.description}</p>}
      </header>
      <RecipeFacts content={c} />
      <RecipeLabels content={c} />
      <div className="recipe__body">
        <section className="recipe__ingredients" aria-labelledby="ingredients-title">
          <h2 id="ingredients-title">Ingredients</h2>
          <IngredientSections content={c} />
          <EquipmentList content={c} />
        </section>
        <StepsSection content={c} />
      </div>
      <NotesAndSource content={c} />
    </article>
  );
}
