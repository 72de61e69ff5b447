import type { RecipeImage } from '@tavola/contracts/images';
import { useEffect, useState } from 'react';
import { Button, SelectField, TextField } from '../../ui';
import { type DraftStep, fieldIds, move, newStep } from './recipe-draft';
import { StepImage } from './StepImage';
import { TextAreaField } from './TextAreaField';

interface StepsEditorProps {
  steps: DraftStep[];
  onChange: (steps: DraftStep[]) => void;
  errors: Record<string, string>;
  /** The recipe's photos a step may show; none for a recipe not saved yet. */
  images: readonly RecipeImage[];
  /** False while the recipe is not saved yet (photos are added to a saved recipe). */
  canHaveImages: boolean;
}

const photoLabel = (image: RecipeImage) => `Photo ${image.position + 1}${image.isCover ? ' (cover)' : ''}${image.alt ? `: ${image.alt}` : ''}`;

/** The method: numbered steps, each with an optional timer in minutes; add, move and remove them. */
export function StepsEditor({ steps, onChange, errors, images, canHaveImages }: StepsEditorProps) {
  const photoOptions = [{ value: '', label: 'No photo' }, ...images.map((image) => ({ value: image.id, label: photoLabel(image) }))];
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    if (!focusId) return;
    const target = document.getElementById(focusId);
    if (target instanceof HTMLButtonElement && target.disabled) {
      document.getElementById(focusId.replace(/-(up|down)$/, (_, way) => (way === 'up' ? '-down' : '-up')))?.focus();
    } else {
      target?.focus();
    }
    setFocusId(null);
  }, [focusId]);

  const update = (key: string, change: Partial<DraftStep>) => onChange(steps.map((step) => (step.key === key ? { ...step, ...change } : step)));

  function add() {
    const step = newStep();
    onChange([...steps, step]);
    setFocusId(fieldIds.stepText(step.key));
  }

  function remove(index: number) {
    const remaining = steps.filter((_, i) => i !== index);
    onChange(remaining.length ? remaining : [newStep()]);
    setFocusId('add-step');
  }

  function moveStep(index: number, delta: number) {
    onChange(move(steps, index, delta));
    setFocusId(`${fieldIds.stepText((steps[index] as DraftStep).key)}-${delta < 0 ? 'up' : 'down'}`);
  }

  return (
    <section className="editor-section" aria-labelledby="steps-heading">
      <h2 id="steps-heading">Steps</h2>
      <p className="field__description" id={fieldIds.steps} tabIndex={-1}>
        What to do, in order. Give a step a timer and cook mode offers to count it down.
        {canHaveImages
          ? images.length > 0
            ? ' A step can show one of the recipe’s photos.'
            : ' Add photos on the recipe page to show one with a step.'
          : ' Once the recipe is saved, add photos and show one with a step.'}
      </p>
      {errors[fieldIds.steps] && <p className="field__error">{errors[fieldIds.steps]}</p>}
      <ol className="step-editor-list">
        {steps.map((step, i) => {
          const textId = fieldIds.stepText(step.key);
          return (
            <li className="step-editor" key={step.key}>
              <StepImage imageId={step.imageId} images={images} stepNumber={i + 1} sizes="12rem" />
              <TextAreaField
                id={textId}
                label={`Step ${i + 1}`}
                rows={3}
                maxLength={5000}
                value={step.text}
                onChange={(e) => update(step.key, { text: e.target.value })}
                error={errors[textId]}
              />
              <div className="step-editor__footer">
                <TextField
                  id={fieldIds.stepTimer(step.key)}
                  className="step-editor__timer"
                  label={`Timer for step ${i + 1} (minutes)`}
                  type="number"
                  inputMode="decimal"
                  min={0}
                  step="any"
                  value={step.timerMinutes}
                  onChange={(e) => update(step.key, { timerMinutes: e.target.value })}
                  error={errors[fieldIds.stepTimer(step.key)]}
                />
                {images.length > 0 && (
                  <SelectField
                    className="step-editor__photo"
                    label={`Photo for step ${i + 1}`}
                    options={photoOptions}
                    value={images.some((image) => image.id === step.imageId) ? (step.imageId ?? '') : ''}
                    onChange={(value) => update(step.key, { imageId: value || null })}
                  />
                )}
                <div className="button-row">
                  <Button variant="quiet" id={`${textId}-up`} disabled={i === 0} onClick={() => moveStep(i, -1)}>
                    Move up<span className="visually-hidden">: step {i + 1}</span>
                  </Button>
                  <Button variant="quiet" id={`${textId}-down`} disabled={i === steps.length - 1} onClick={() => moveStep(i, 1)}>
                    Move down<span className="visually-hidden">: step {i + 1}</span>
                  </Button>
                  <Button variant="quiet" onClick={() => remove(i)}>
                    Remove<span className="visually-hidden"> step {i + 1}</span>
                  </Button>
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="button-row">
        <Button variant="secondary" id="add-step" onClick={add}>
          Add step
        </Button>
      </div>
    </section>
  );
}
