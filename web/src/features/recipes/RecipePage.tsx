import type { Recipe } from '@tavola/contracts/recipes';
import { Link, useParams } from 'react-router';
import { useViewer } from '../../api/session';
import { usePageTitle } from '../../shell/page-title';
import { NutritionPanel } from '../recipe-nutrition/NutritionPanel';
import { DateTime } from '../../ui';
import { RecipeReviews } from '../recipe-reviews/RecipeReviews';
import { RecipeViewerActions } from '../recipe-reviews/RecipeViewerActions';
import { OwnerActions } from './OwnerActions';
import { EquipmentList, NotesAndSource, RecipeFacts, RecipeLabels, StepsSection } from './RecipeContentParts';
import { RecipeGallery } from './RecipeImages';
import { authorName, visibilityNames } from './recipe-format';
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

  return (
    <article className="recipe" aria-labelledby="recipe-title">
      <header className="recipe__header">
        <h1 id="recipe-title">{c.title}</h1>
        <p className="recipe__byline">
          by <Link to={`/people/${recipe.author.username}`}>{authorName(recipe.author)}</Link>
          {isOwner && <span className="badge no-print">{visibilityNames[recipe.visibility]}</span>}
        </p>
        <p className="item__meta">
          Version {recipe.version}, updated <DateTime value={recipe.updatedAt} dateOnly />
        </p>
        {c.description && <p className="recipe__description">{c.description}</p>}
      </header>

      <RecipeGallery recipe={recipe} />
      <RecipeFacts content={c} />
      <RecipeLabels content={c} />

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
      <RecipeViewerActions recipe={recipe} />

      <div className="recipe__body">
        <section className="recipe__ingredients" aria-labelledby="ingredients-title">
          <h2 id="ingredients-title">Ingredients</h2>
          <ScaledIngredients recipe={recipe} />
          <EquipmentList content={c} />
        </section>
        <StepsSection content={c} images={recipe.images} />
      </div>

      <NutritionPanel recipe={recipe} isOwner={isOwner} />
      <NotesAndSource content={c} />
      <RecipeReviews recipe={recipe} />
      {isOwner && <OwnerActions recipe={recipe} />}
    </article>
  );
}
