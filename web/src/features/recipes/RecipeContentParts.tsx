import type { RecipeImage } from '@tavola/contracts/images';
import type { RecipeContent } from '@tavola/contracts/recipes';
import { keyed } from './keyed';
import { dietNames, difficultyNames, formatMinutes, formatServings, formatTimer, safeExternalUrl } from './recipe-format';
import { StepImage } from './StepImage';

/** The read-only parts of a recipe's content, shared by the recipe page and the page of one saved version. */

export function RecipeFacts({ content: c }: { content: RecipeContent }) {
  const facts: [string, string | null][] = [
    ['Servings', formatServings(c.servings)],
    ['Preparation', formatMinutes(c.prepMinutes)],
    ['Cooking', formatMinutes(c.cookMinutes)],
    ['Total', formatMinutes(c.totalMinutes)],
    ['Difficulty', c.difficulty ? difficultyNames[c.difficulty] : null],
    ['Cuisine', c.cuisine ?? null],
    ['Course', c.course ?? null],
  ];
  return (
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
  );
}

export function RecipeLabels({ content: c }: { content: RecipeContent }) {
  if (c.diets.length === 0 && c.tags.length === 0) return null;
  return (
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
  );
}

/** Ingredient sections as written (the recipe page shows them scaled instead). */
export function IngredientSections({ content }: { content: RecipeContent }) {
  return (
    <>
      {keyed(content.ingredients, (section) => section.title ?? '').map(({ item: section, key }) => (
        <div className="ingredient-group" key={key}>
          {section.title && <h3>{section.title}</h3>}
          <ul className="ingredient-list">
            {keyed(section.lines, (line) => line.text).map(({ item: line, key: lineKey }) => (
              <li key={lineKey}>{line.text}</li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

export function EquipmentList({ content }: { content: RecipeContent }) {
  if (content.equipment.length === 0) return null;
  return (
    <>
      <h3>Equipment</h3>
      <ul className="ingredient-list">
        {content.equipment.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </>
  );
}

/** The method; a step's photo is looked up among `images` (the recipe's current photos). */
export function StepsSection({ content, images = [] }: { content: RecipeContent; images?: readonly RecipeImage[] }) {
  return (
    <section className="recipe__steps" aria-labelledby="steps-title">
      <h2 id="steps-title">Steps</h2>
      {content.steps.length === 0 ? (
        <p className="empty-state">No steps written yet.</p>
      ) : (
        <ol className="step-list">
          {keyed(content.steps, (step) => step.text).map(({ item: step, key }, index) => (
            <li key={key}>
              <p>{step.text}</p>
              <StepImage imageId={step.imageId} images={images} stepNumber={index + 1} />
              {step.timerSeconds ? <p className="step-list__timer">Timer: {formatTimer(step.timerSeconds)}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function NotesAndSource({ content: c }: { content: RecipeContent }) {
  const sourceUrl = safeExternalUrl(c.source?.url);
  const sourceName = c.source?.name || (sourceUrl ? new URL(sourceUrl).hostname : null);
  return (
    <>
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
    </>
  );
}
