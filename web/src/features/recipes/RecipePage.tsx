import type { Recipe } from '@tavola/contracts/recipes';
import { Link, useParams } from 'react-router';
import { useViewer } from '../../api/session';
import { usePageTitle } from '../../shell/page-title';
import { DateTime } from '../../ui';
import { keyed } from './keyed';
import { OwnerActions } from './OwnerActions';
import { RecipeGallery } from './RecipeImages';
import { authorName, dietNames, difficultyNames, formatMinutes, formatServings, formatTimer, safeExternalUrl, visibilityNames } from './recipe-format';
import { useRecipe } from './recipes-api';
import { RecipeQueryState } from './RecipeStates';
import { ScaledIngredients } from './ScaledIngredients';
import './recipe-page.css';

/** One recipe: what it is, its ingredients (scalable, in the reader's units), the method, notes and source. */
export function RecipePage() {
  const id = useParams().id ?? '';
  const recipe = useRecipe(id);
  if (!recipe.data) return <RecipeQueryState error={recipe.error} onRetry={() => recipe.refetch()} />;
  return <RecipeView recipe={recipe.data} />;
}

function RecipeView({ recipe }: { recipe: Recipe }) {
  usePageTitle(recipe.content.title);
  const { viewer } = useViewer();
  const isOwner = viewer?.id === recipe.author.id;
  const c = recipe.content;
  const facts: [string, string | null][] = [
    ['Servings', formatServings(c.servings)],
    ['Preparation', formatMinutes(c.prepMinutes)],
    ['Cooking', formatMinutes(c.cookMinutes)],
    ['Total', formatMinutes(c.totalMinutes)],
    ['Difficulty', c.difficulty ? difficultyNames[c.difficulty] : null],
    ['Cuisine', c.cuisine ?? null],
    ['Course', c.course ?? null],
  ];
  const sourceUrl = safeExternalUrl(c.source?.url);
  const sourceName = c.source?.name || (sourceUrl ? new URL(sourceUrl).hostname : null);

  return (
    <article className="recipe" aria-labelledby="recipe-title">
      <header className="recipe__header">
        <h1 id="recipe-title">{c.title}</h1>
        <p className="recipe__byline">
          by {authorName(recipe.author)}
          {isOwner && <span className="badge no-print">{visibilityNames[recipe.visibility]}</span>}
        </p>
        <p className="item__meta">
          Version {recipe.version}, updated <DateTime value={recipe.updatedAt} dateOnly />
        </p>
        {c.description && <p className="recipe__description">{c.description}</p>}
      </header>

      <RecipeGallery recipe={recipe} />

      <dl className="recipe__facts">
        {facts
          .filter((fact): fact is [string, string] => fact[1] !== null)
          .map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>

      {(c.diets.length > 0 || c.tags.length > 0) && (
        <div className="recipe__labels">
          {c.diets.length > 0 && (
            <ul className="label-list" aria-label="Diets">
              {c.diets.map((diet) => (
                <li key={diet} className="badge badge--success">
                  {dietNames[diet]}
                </li>
              ))}
            </ul>
          )}
          {c.tags.length > 0 && (
            <ul className="label-list" aria-label="Tags">
              {c.tags.map((tag) => (
                <li key={tag} className="badge">
                  #{tag}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <nav className="recipe__actions no-print" aria-label="Recipe">
        <Link to={`/recipes/${recipe.id}/cook`} className="button button--primary">
          Cook mode
        </Link>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          Print
        </button>
        <Link to={`/recipes/${recipe.id}/history`} className="button button--secondary">
          History
        </Link>
        {isOwner && (
          <Link to={`/recipes/${recipe.id}/edit`} className="button button--secondary">
            Edit
          </Link>
        )}
      </nav>

      <div className="recipe__body">
        <section className="recipe__ingredients" aria-labelledby="ingredients-title">
          <h2 id="ingredients-title">Ingredients</h2>
          <ScaledIngredients recipe={recipe} />
          {c.equipment.length > 0 && (
            <>
              <h3>Equipment</h3>
              <ul className="ingredient-list">
                {c.equipment.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </>
          )}
        </section>

        <section className="recipe__steps" aria-labelledby="steps-title">
          <h2 id="steps-title">Steps</h2>
          {c.steps.length === 0 ? (
            <p className="empty-state">No steps written yet.</p>
          ) : (
            <ol className="step-list">
              {keyed(c.steps, (step) => step.text).map(({ item: step, key }) => (
                <li key={key}>
                  <p>{step.text}</p>
                  {step.timerSeconds ? <p className="step-list__timer">Timer: {formatTimer(step.timerSeconds)}</p> : null}
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>

      {c.notes && (
        <section className="recipe__notes" aria-labelledby="notes-title">
          <h2 id="notes-title">Notes</h2>
          <p className="pre-line">{c.notes}</p>
        </section>
      )}

      {(sourceName || sourceUrl) && (
        <p className="recipe__source">
          Source:{' '}
          {sourceUrl ? (
            <a href={sourceUrl} rel="noopener noreferrer nofollow" target="_blank">
              {sourceName}
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          ) : (
            sourceName
          )}
          {sourceUrl && <span className="print-only"> — {sourceUrl}</span>}
        </p>
      )}

      {isOwner && <OwnerActions recipe={recipe} />}
    </article>
  );
}
