import type { Recipe } from '@tavola/contracts/recipes';
import { useEffect } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { usePageTitle } from '../../shell/page-title';
import { keyed } from './keyed';
import { formatClock, formatServings, formatTimer } from './recipe-format';
import { useRecipe } from './recipes-api';
import { RecipeQueryState } from './RecipeStates';
import { type StepTimer, useStepTimers } from './use-step-timers';
import { useWakeLock, type WakeLockState } from './use-wake-lock';
import './recipe-page.css';
import './cook-mode.css';
import { StepImage } from './StepImage';

/** Cook mode: one step at a time in large type, big buttons, step timers, and the screen kept on. */
export function CookModePage() {
  const id = useParams().id ?? '';
  const recipe = useRecipe(id);
  if (!recipe.data) return <RecipeQueryState error={recipe.error} onRetry={() => recipe.refetch()} />;
  return <CookMode recipe={recipe.data} />;
}

const wakeLockMessages: Record<WakeLockState, string> = {
  pending: 'Keeping the screen on…',
  on: 'The screen stays on while this page is open.',
  unsupported: 'This browser cannot keep the screen on; it may dim while you cook.',
  refused: 'The screen could not be kept on (battery saver?); it may dim while you cook.',
};

function CookMode({ recipe }: { recipe: Recipe }) {
  usePageTitle(`Cooking ${recipe.content.title}`);
  const steps = recipe.content.steps;
  const [params, setParams] = useSearchParams();
  const count = steps.length;
  const requested = Number(params.get('step') ?? '1');
  const index = Number.isInteger(requested) ? Math.min(Math.max(requested, 1), Math.max(count, 1)) - 1 : 0;
  const wakeLock = useWakeLock();
  const { timers, start, pause, reset, remainingOf } = useStepTimers();
  const goTo = (next: number) => setParams(next > 0 ? { step: String(next + 1) } : {}, { replace: true });

  // Arrow keys move between steps, unless a field or control wants them.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.altKey || event.ctrlKey || event.metaKey || target?.closest('input, textarea, select, details')) return;
      if (event.key === 'ArrowRight' && index < count - 1) setParams({ step: String(index + 2) }, { replace: true });
      if (event.key === 'ArrowLeft' && index > 0) setParams({ step: String(index) }, { replace: true });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [index, count, setParams]);

  const step = steps[index];
  const finished = Object.values(timers).filter((t) => t.done);
  const otherRunning = Object.values(timers).filter((t) => t.step !== index && !t.done);

  return (
    <div className="cook-mode">
      <header className="cook-mode__header">
        <div>
          <p className="cook-mode__kicker">Cook mode</p>
          <h1>{recipe.content.title}</h1>
        </div>
        <Link to={`/recipes/${recipe.id}`} className="button button--secondary cook-button">
          Leave cook mode
        </Link>
      </header>

      <div role="alert" className="cook-mode__alerts">
        {finished.map((t) => (
          <div key={t.step} className="timer-done">
            <p>
              <strong>Time is up</strong> for step {t.step + 1} ({formatTimer(Math.round(t.durationMs / 1000))}).
            </p>
            <button type="button" className="button button--primary cook-button" onClick={() => reset(t.step)}>
              Stop the alarm<span className="visually-hidden"> for step {t.step + 1}</span>
            </button>
          </div>
        ))}
      </div>

      <details className="cook-mode__ingredients">
        <summary>Ingredients ({formatServings(recipe.content.servings)})</summary>
        {keyed(recipe.content.ingredients, (section) => section.title ?? '').map(({ item: section, key }) => (
          <div key={key}>
            {section.title && <h2 className="cook-mode__section-title">{section.title}</h2>}
            <ul className="ingredient-list">
              {keyed(section.lines, (line) => line.text).map(({ item: line, key: lineKey }) => (
                <li key={lineKey}>{line.text}</li>
              ))}
            </ul>
          </div>
        ))}
      </details>

      {step ? (
        <section className="cook-step" aria-labelledby="cook-step-title">
          <div aria-live="polite" aria-atomic="true">
            <h2 id="cook-step-title" className="cook-step__title">
              Step {index + 1} of {count}
            </h2>
            <progress className="cook-step__progress" max={count} value={index + 1} aria-hidden="true" />
            <p className="cook-step__text">{step.text}</p>
            <StepImage imageId={step.imageId} images={recipe.images} stepNumber={index + 1} sizes="100vw" />
          </div>
          {step.timerSeconds ? (
            <StepTimerControl
              step={index}
              seconds={step.timerSeconds}
              timer={timers[index]}
              remainingMs={timers[index] ? remainingOf(timers[index]) : step.timerSeconds * 1000}
              onStart={() => start(index, (step.timerSeconds ?? 0) * 1000)}
              onPause={() => pause(index)}
              onReset={() => reset(index)}
            />
          ) : null}
        </section>
      ) : (
        <p className="empty-state">This recipe has no steps written yet.</p>
      )}

      {otherRunning.length > 0 && (
        <ul className="cook-mode__other-timers" aria-label="Other timers">
          {otherRunning.map((t) => (
            <li key={t.step}>
              <button type="button" className="button button--secondary cook-button" onClick={() => goTo(t.step)}>
                Step {t.step + 1}: {formatClock(remainingOf(t) / 1000)} {t.endsAt === null ? 'paused' : 'left'}
              </button>
            </li>
          ))}
        </ul>
      )}

      <nav className="cook-mode__nav" aria-label="Steps">
        <button type="button" className="button button--secondary cook-button" disabled={index === 0} onClick={() => goTo(index - 1)}>
          <span aria-hidden="true">←</span> Previous step
        </button>
        {index < count - 1 ? (
          <button type="button" className="button button--primary cook-button" onClick={() => goTo(index + 1)}>
            Next step <span aria-hidden="true">→</span>
          </button>
        ) : (
          <Link to={`/recipes/${recipe.id}`} className="button button--primary cook-button">
            Done cooking
          </Link>
        )}
      </nav>
      <p className="item__meta cook-mode__wake-lock">{wakeLockMessages[wakeLock]}</p>
    </div>
  );
}

interface StepTimerControlProps {
  step: number;
  seconds: number;
  timer: StepTimer | undefined;
  remainingMs: number;
  onStart: () => void;
  onPause: () => void;
  onReset: () => void;
}

function StepTimerControl({ step, seconds, timer, remainingMs, onStart, onPause, onReset }: StepTimerControlProps) {
  const running = timer?.endsAt !== null && timer?.endsAt !== undefined;
  const started = timer !== undefined && remainingMs < seconds * 1000;
  return (
    <fieldset className={['cook-timer', timer?.done && 'cook-timer--done'].filter(Boolean).join(' ')}>
      <legend className="visually-hidden">Timer for step {step + 1}</legend>
      <p className="cook-timer__clock" role="timer">
        {formatClock(remainingMs / 1000)}
      </p>
      <div className="cook-timer__buttons">
        {running ? (
          <button type="button" className="button button--secondary cook-button" onClick={onPause}>
            Pause timer
          </button>
        ) : (
          <button type="button" className="button button--primary cook-button" onClick={onStart} disabled={timer?.done}>
            {started && !timer?.done ? 'Resume timer' : 'Start timer'}
          </button>
        )}
        {started && (
          <button type="button" className="button button--quiet cook-button" onClick={onReset}>
            Reset timer
          </button>
        )}
      </div>
    </fieldset>
  );
}
