import { type ClipboardEvent, type KeyboardEvent, useEffect, useState } from 'react';
import { Button, TextField } from '../../ui';
import { type DraftLine, type DraftSection, fieldIds, move, newLine, newSection, splitPastedLines } from './recipe-draft';
import { formatAmount } from './recipe-format';
import { type ParsedIngredient, useIngredientPreview } from './use-ingredient-preview';

interface IngredientsEditorProps {
  sections: DraftSection[];
  onChange: (sections: DraftSection[]) => void;
  /** Error messages by input id. */
  errors: Record<string, string>;
}

/**
 * Ingredient sections and their lines. A line is one text field ("2 cups flour, sifted"); pasting
 * several lines splits them into fields, Enter adds a line below. Under each line, the parser's
 * reading of it (quantity · unit · name · preparation) as soon as the typing pauses.
 */
export function IngredientsEditor({ sections, onChange, errors }: IngredientsEditorProps) {
  const [focusId, setFocusId] = useState<string | null>(null);
  const preview = useIngredientPreview(sections.flatMap((section) => section.lines.map((line) => line.text)));

  useEffect(() => {
    if (!focusId) return;
    const target = document.getElementById(focusId);
    // A moved item keeps focus on its move button; at the end of the list that one is disabled, so the other takes it.
    if (target instanceof HTMLButtonElement && target.disabled) {
      document.getElementById(focusId.replace(/-(up|down)$/, (_, way) => (way === 'up' ? '-down' : '-up')))?.focus();
    } else {
      target?.focus();
    }
    setFocusId(null);
  }, [focusId]);

  const updateSection = (index: number, change: Partial<DraftSection>) =>
    onChange(sections.map((section, i) => (i === index ? { ...section, ...change } : section)));
  const updateLines = (index: number, lines: DraftLine[]) => updateSection(index, { lines });

  function addSection() {
    const section = newSection();
    onChange([...sections, section]);
    setFocusId(fieldIds.sectionTitle(section.key));
  }

  function removeSection(index: number) {
    const next = sections.filter((_, i) => i !== index);
    onChange(next.length ? next : [newSection()]);
    setFocusId('add-ingredient-section');
  }

  function addLineAfter(sectionIndex: number, lineIndex: number, text = '') {
    const section = sections[sectionIndex] as DraftSection;
    const line = newLine(text);
    const lines = [...section.lines];
    lines.splice(lineIndex + 1, 0, line);
    updateLines(sectionIndex, lines);
    setFocusId(fieldIds.line(line.key));
  }

  function removeLine(sectionIndex: number, lineIndex: number) {
    const section = sections[sectionIndex] as DraftSection;
    const remaining = section.lines.filter((_, i) => i !== lineIndex);
    const lines = remaining.length ? remaining : [newLine()];
    updateLines(sectionIndex, lines);
    const neighbour = lines[Math.max(0, lineIndex - 1)] as DraftLine;
    setFocusId(fieldIds.line(neighbour.key));
  }

  function moveLine(sectionIndex: number, lineIndex: number, delta: number) {
    const section = sections[sectionIndex] as DraftSection;
    updateLines(sectionIndex, move(section.lines, lineIndex, delta));
    setFocusId(`${fieldIds.line((section.lines[lineIndex] as DraftLine).key)}-${delta < 0 ? 'up' : 'down'}`);
  }

  function moveSection(index: number, delta: number) {
    onChange(move(sections, index, delta));
    setFocusId(`${fieldIds.sectionTitle((sections[index] as DraftSection).key)}-${delta < 0 ? 'up' : 'down'}`);
  }

  function paste(event: ClipboardEvent<HTMLInputElement>, sectionIndex: number, lineIndex: number) {
    const pasted = splitPastedLines(event.clipboardData.getData('text'));
    if (pasted.length < 2) return;
    event.preventDefault();
    const input = event.currentTarget;
    const section = sections[sectionIndex] as DraftSection;
    const current = section.lines[lineIndex] as DraftLine;
    const before = input.value.slice(0, input.selectionStart ?? input.value.length);
    const after = input.value.slice(input.selectionEnd ?? input.value.length);
    const [first = '', ...rest] = pasted;
    const added = rest.map((text, i) => newLine(i === rest.length - 1 ? `${text}${after}` : text));
    const lines = [...section.lines];
    lines.splice(lineIndex, 1, { ...current, text: `${before}${first}${rest.length ? '' : after}` }, ...added);
    updateLines(sectionIndex, lines);
    const last = added[added.length - 1];
    if (last) setFocusId(fieldIds.line(last.key));
  }

  return (
    <section className="editor-section" aria-labelledby="ingredients-heading">
      <h2 id="ingredients-heading">Ingredients</h2>
      <p className="field__description" id={fieldIds.ingredients} tabIndex={-1}>
        One ingredient per line, as you would write it: “2 cups flour, sifted”. Paste a whole list to add every line at once.
      </p>
      {errors[fieldIds.ingredients] && <p className="field__error">{errors[fieldIds.ingredients]}</p>}
      {sections.map((section, s) => {
        const name = section.title.trim() || `Section ${s + 1}`;
        const titleId = fieldIds.sectionTitle(section.key);
        return (
          <fieldset className="ingredient-section" key={section.key}>
            <legend className="ingredient-section__legend">{sections.length > 1 ? name : 'Ingredient list'}</legend>
            <TextField
              id={titleId}
              label="Section title"
              description={s === 0 && sections.length === 1 ? 'Optional, e.g. “For the sauce”.' : undefined}
              maxLength={120}
              value={section.title}
              onChange={(e) => updateSection(s, { title: e.target.value })}
              error={errors[titleId]}
            />
            <ol className="ingredient-lines">
              {section.lines.map((line, l) => (
                <IngredientLineField
                  key={line.key}
                  line={line}
                  label={`Ingredient ${l + 1}${sections.length > 1 ? ` in ${name}` : ''}`}
                  error={errors[fieldIds.line(line.key)]}
                  parsed={preview.available ? preview.parsed.get(line.text.trim()) : undefined}
                  isFirst={l === 0}
                  isLast={l === section.lines.length - 1}
                  onText={(text) => updateLines(s, section.lines.map((other) => (other.key === line.key ? { ...other, text } : other)))}
                  onPaste={(event) => paste(event, s, l)}
                  onEnter={() => addLineAfter(s, l)}
                  onMove={(delta) => moveLine(s, l, delta)}
                  onRemove={() => removeLine(s, l)}
                />
              ))}
            </ol>
            <div className="button-row">
              <Button variant="secondary" onClick={() => addLineAfter(s, section.lines.length - 1)}>
                Add ingredient{sections.length > 1 && <span className="visually-hidden"> to {name}</span>}
              </Button>
              {sections.length > 1 && (
                <>
                  <Button variant="quiet" id={`${titleId}-up`} disabled={s === 0} onClick={() => moveSection(s, -1)}>
                    Move up<span className="visually-hidden">: section {name}</span>
                  </Button>
                  <Button variant="quiet" id={`${titleId}-down`} disabled={s === sections.length - 1} onClick={() => moveSection(s, 1)}>
                    Move down<span className="visually-hidden">: section {name}</span>
                  </Button>
                  <Button variant="quiet" onClick={() => removeSection(s)}>
                    Remove<span className="visually-hidden"> section {name}</span>
                  </Button>
                </>
              )}
            </div>
          </fieldset>
        );
      })}
      <div className="button-row">
        <Button variant="secondary" id="add-ingredient-section" onClick={addSection}>
          Add section
        </Button>
      </div>
    </section>
  );
}

interface IngredientLineFieldProps {
  line: DraftLine;
  label: string;
  error?: string;
  parsed: ParsedIngredient | undefined;
  isFirst: boolean;
  isLast: boolean;
  onText: (text: string) => void;
  onPaste: (event: ClipboardEvent<HTMLInputElement>) => void;
  onEnter: () => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
}

function IngredientLineField({ line, label, error, parsed, isFirst, isLast, onText, onPaste, onEnter, onMove, onRemove }: IngredientLineFieldProps) {
  const id = fieldIds.line(line.key);
  const previewId = `${id}-preview`;
  const errorId = `${id}-error`;
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      onEnter();
    }
  };
  const describedBy = [error && errorId, parsed && previewId].filter(Boolean).join(' ') || undefined;
  return (
    <li className={['ingredient-line', error && 'field--invalid'].filter(Boolean).join(' ')}>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <div className="ingredient-line__row">
        <input
          id={id}
          className="field__input"
          value={line.text}
          maxLength={500}
          autoComplete="off"
          placeholder="e.g. 200 g flour, sifted"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onText(e.target.value)}
          onPaste={onPaste}
          onKeyDown={onKeyDown}
        />
        <div className="ingredient-line__actions">
          <button type="button" className="icon-button" id={`${id}-up`} disabled={isFirst} onClick={() => onMove(-1)} aria-label={`Move ${label} up`}>
            <span aria-hidden="true">↑</span>
          </button>
          <button type="button" className="icon-button" id={`${id}-down`} disabled={isLast} onClick={() => onMove(1)} aria-label={`Move ${label} down`}>
            <span aria-hidden="true">↓</span>
          </button>
          <button type="button" className="icon-button" onClick={onRemove} aria-label={`Remove ${label}`}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      </div>
      {error && (
        <p className="field__error" id={errorId}>
          <span aria-hidden="true">! </span>
          {error}
        </p>
      )}
      {parsed && line.text.trim() && <ParsePreview id={previewId} parsed={parsed} />}
    </li>
  );
}

/** The parser's reading of a line as labelled chips: "2 · cup · flour · sifted". */
function ParsePreview({ id, parsed }: { id: string; parsed: ParsedIngredient }) {
  const chips: { kind: string; label: string; value: string }[] = [];
  if (parsed.quantity !== null) {
    const amount = parsed.quantityMax !== null ? `${formatAmount(parsed.quantity)}–${formatAmount(parsed.quantityMax)}` : formatAmount(parsed.quantity);
    chips.push({ kind: 'quantity', label: 'Amount', value: amount });
  }
  if (parsed.unitText || parsed.unit) chips.push({ kind: 'unit', label: 'Unit', value: parsed.unitText ?? parsed.unit ?? '' });
  if (parsed.name) chips.push({ kind: 'name', label: 'Ingredient', value: parsed.name });
  if (parsed.preparation) chips.push({ kind: 'preparation', label: 'Preparation', value: parsed.preparation });
  if (parsed.comment) chips.push({ kind: 'comment', label: 'Note', value: parsed.comment });
  if (parsed.toTaste && !/to taste/i.test(parsed.comment ?? '')) chips.push({ kind: 'flag', label: 'Amount', value: 'to taste' });
  if (parsed.optional) chips.push({ kind: 'flag', label: 'Flag', value: 'optional' });
  if (parsed.name) chips.push({ kind: 'food', label: 'Counts as', value: parsed.food ? parsed.food.commonName : 'no food found' });
  if (chips.length === 0) return null;
  return (
    <p className="parse-preview" id={id}>
      <span className="visually-hidden">Read as: </span>
      {chips.map((chip, i) => (
        <span key={`${chip.kind}-${chip.value}`} className={`chip chip--${chip.kind}`}>
          <span className="chip__label">{chip.label}</span> {chip.value}
          {i < chips.length - 1 && <span className="visually-hidden">,</span>}
        </span>
      ))}
    </p>
  );
}
