import type { ImportRecipeBody } from '@tavola/contracts/recipe-import';
import type { Visibility } from '@tavola/contracts/recipes';
import { type FormEvent, type KeyboardEvent, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { usePageTitle } from '../../shell/page-title';
import { Button, FormErrorSummary, SelectField, TextField, toast } from '../../ui';
import { visibilityNames, visibilityOptions } from '../recipes/recipe-format';
import { TextAreaField } from '../recipes/TextAreaField';
import { importFormErrors } from './import-form-errors';
import { useImportRecipe } from './recipe-import-api';
import './recipe-import.css';

type ImportWay = 'url' | 'paste' | 'text';

interface WayInfo {
  tab: string;
  label: string;
  description: string;
  /** Said when the input is sent empty. */
  empty: string;
}

const ways: Record<ImportWay, WayInfo> = {
  url: {
    tab: 'Web address',
    label: 'Address of the recipe page',
    description: 'A page with a recipe on it, e.g. https://example.com/ricotta-cookies. Tavola reads the recipe data the page carries (schema.org).',
    empty: 'Enter the address of a recipe page.',
  },
  paste: {
    tab: 'JSON-LD or HTML',
    label: 'JSON-LD or the page’s HTML',
    description: 'Paste a schema.org Recipe as JSON-LD, or the whole source of a page that contains one.',
    empty: 'Paste the JSON-LD or the page’s HTML first.',
  },
  text: {
    tab: 'Plain text',
    label: 'Recipe text',
    description: 'The title on the first line, then the ingredients and the steps. Headings like “Ingredients” and “Method” help; “Serves 4” sets the servings.',
    empty: 'Paste or type the recipe first.',
  },
};

const order: ImportWay[] = ['url', 'paste', 'text'];
const inputId = (way: ImportWay) => `import-${way}`;
const tabId = (way: ImportWay) => `import-tab-${way}`;

/** What the request carries for each way: pasted text that starts with a tag is a page's HTML, anything else JSON-LD. */
function sourceOf(way: ImportWay, value: string): Pick<ImportRecipeBody, 'url' | 'jsonLd' | 'html' | 'text'> {
  if (way === 'url') return { url: value.trim() };
  if (way === 'text') return { text: value };
  return value.trimStart().startsWith('<') ? { html: value } : { jsonLd: value };
}

/** Brings a recipe in from a web page, pasted JSON-LD or HTML, or plain text, and opens it. */
export function RecipeImportPage() {
  usePageTitle('Import a recipe');
  const navigate = useNavigate();
  const [way, setWay] = useState<ImportWay>('url');
  const [values, setValues] = useState<Record<ImportWay, string>>({ url: '', paste: '', text: '' });
  const [visibility, setVisibility] = useState<Visibility>('private');
  const [emptyError, setEmptyError] = useState<string | null>(null);
  const importRecipe = useImportRecipe();
  const info = ways[way];
  const serverErrors = importFormErrors(importRecipe.error, { id: inputId(way), label: info.label });
  const errors = emptyError ? { message: emptyError, inputError: emptyError, items: [] } : serverErrors;

  function choose(next: ImportWay) {
    if (next === way) return;
    setWay(next);
    setEmptyError(null);
    importRecipe.reset();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = values[way];
    importRecipe.reset();
    if (!value.trim()) {
      setEmptyError(info.empty);
      return;
    }
    setEmptyError(null);
    importRecipe.mutate(
      { ...sourceOf(way, value), visibility },
      {
        onSuccess: (recipe) => {
          toast.success(`“${recipe.content.title}” is imported (${visibilityNames[recipe.visibility].toLowerCase()}). Check it and edit what needs it.`);
          navigate(`/recipes/${recipe.id}`);
        },
      },
    );
  }

  const inputProps = {
    id: inputId(way),
    label: info.label,
    description: info.description,
    required: true,
    value: values[way],
    error: errors.inputError,
  };

  return (
    <div className="stack recipe-import">
      <header className="page-header">
        <h1>Import a recipe</h1>
        <p>
          Bring in a recipe you already have elsewhere. It is saved as version 1 of a new recipe that you can edit like any other, or{' '}
          <Link to="/recipes/new">write one from scratch</Link>.
        </p>
      </header>
      <form className="form card" onSubmit={submit} noValidate aria-label="Import a recipe">
        <ImportWayTabs way={way} onChoose={choose} />
        <div className="import-panel" role="tabpanel" id="import-panel" aria-labelledby={tabId(way)}>
          <FormErrorSummary message={errors.message} items={errors.items} />
          {way === 'url' ? (
            <TextField
              {...inputProps}
              type="url"
              inputMode="url"
              autoComplete="url"
              placeholder="https://"
              maxLength={2000}
              onChange={(event) => setValues((old) => ({ ...old, url: event.target.value }))}
            />
          ) : (
            <TextAreaField
              {...inputProps}
              key={way}
              rows={way === 'text' ? 14 : 10}
              spellCheck={way === 'text'}
              className={way === 'paste' ? 'import-panel__code' : undefined}
              onChange={(event) => setValues((old) => ({ ...old, [way]: event.target.value }))}
            />
          )}
          <SelectField label="Who can see it" options={visibilityOptions} value={visibility} onChange={setVisibility} />
          <div className="button-row">
            <Button type="submit" busy={importRecipe.isPending}>
              Import recipe
            </Button>
            <Link to="/recipes/mine">Cancel</Link>
          </div>
        </div>
      </form>
    </div>
  );
}

/** Tabs (arrow keys move between them, Home and End jump) choosing how the recipe comes in. */
function ImportWayTabs({ way, onChoose }: { way: ImportWay; onChoose: (way: ImportWay) => void }) {
  const refs = useRef<Partial<Record<ImportWay, HTMLButtonElement | null>>>({});

  function onKeyDown(event: KeyboardEvent) {
    const index = order.indexOf(way);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1 + order.length, Home: 0, End: order.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = order[target % order.length] as ImportWay;
    onChoose(next);
    refs.current[next]?.focus();
  }

  return (
    <div className="import-tabs" role="tablist" aria-label="How to import" onKeyDown={onKeyDown}>
      {order.map((option) => (
        <button
          key={option}
          ref={(element) => {
            refs.current[option] = element;
          }}
          type="button"
          role="tab"
          id={tabId(option)}
          className="import-tabs__tab"
          aria-selected={way === option}
          aria-controls="import-panel"
          tabIndex={way === option ? 0 : -1}
          onClick={() => onChoose(option)}
        >
          {ways[option].tab}
        </button>
      ))}
    </div>
  );
}
