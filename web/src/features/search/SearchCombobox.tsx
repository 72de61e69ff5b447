import type { Suggestion, SuggestionKind } from '@tavola/contracts/search';
import { type KeyboardEvent, type Ref, useEffect, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { useDebouncedValue } from '../../ui';
import { HighlightedText } from './HighlightedText';
import { useSuggestions } from './search-api';
import { SearchIcon } from './SearchIcon';

/** Group labels, in the order the server sends the groups. */
export const suggestionKindNames: Record<SuggestionKind, string> = {
  recipe: 'Recipes',
  ingredient: 'Ingredients',
  tag: 'Tags',
  cuisine: 'Cuisines',
  person: 'People',
  grape: 'Grapes',
  region: 'Wine regions',
};

/** Wait this long after the last key before asking for suggestions. */
const DEBOUNCE_MS = 150;

export interface SearchComboboxProps {
  /** Called after a choice or a search sends the person somewhere. */
  onDone?: () => void;
  /** Escape in an empty, closed box (the phone's search overlay closes). */
  onEscape?: () => void;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * The site's search box, an ARIA 1.2 combobox: suggestions grouped by kind in a listbox, the
 * active option followed with aria-activedescendant (focus stays in the box), arrows move, Enter
 * opens the active suggestion or searches for the text, Escape closes the list then clears the text.
 */
export function SearchCombobox({ onDone, onEscape, inputRef }: SearchComboboxProps) {
  const navigate = useNavigate();
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const debounced = useDebouncedValue(text, DEBOUNCE_MS);
  const suggestions = useSuggestions(debounced);
  const typed = text.trim().length >= 2;
  const groups = typed ? (suggestions.data?.groups ?? []) : [];
  const options = groups.flatMap((group) => group.items);
  const expanded = open && options.length > 0;
  const listboxId = `${id}-listbox`;
  const optionId = (index: number) => `${id}-option-${index}`;

  // New suggestions: nothing is active until the arrows say so.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset whenever the answer changes
  useEffect(() => setActive(-1), [suggestions.data]);

  const go = (href: string) => {
    setOpen(false);
    setActive(-1);
    setText('');
    onDone?.();
    navigate(href);
  };

  const choose = (suggestion: Suggestion) => go(suggestion.href);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (options.length === 0) return;
      const down = event.key === 'ArrowDown';
      setActive((current) => (down ? (current + 1) % options.length : current <= 0 ? options.length - 1 : current - 1));
    } else if (event.key === 'Escape') {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (text !== '') {
        event.preventDefault();
        setText('');
      } else {
        onEscape?.();
      }
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  const activeOption = expanded && active >= 0 ? options[active] : undefined;
  let index = -1;

  return (
    <search className="search-combobox" aria-label="Site">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (activeOption) return choose(activeOption);
          const q = text.trim();
          go(q === '' ? '/search' : `/search?${new URLSearchParams({ q }).toString()}`);
        }}
      >
        <label className="visually-hidden" htmlFor={`${id}-input`}>
          Search Tavola
        </label>
        <div className="search-combobox__field">
          <span className="search-combobox__icon">
            <SearchIcon />
          </span>
          <input
            ref={inputRef}
            id={`${id}-input`}
            className="field__input search-combobox__input"
            type="search"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listboxId}
            aria-activedescendant={activeOption ? optionId(active) : undefined}
            autoComplete="off"
            enterKeyHint="search"
            placeholder="Recipes, ingredients, people…"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setOpen(true);
              setActive(-1);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
          />
        </div>
        <div id={listboxId} role="listbox" aria-label="Suggestions" className="search-combobox__listbox" hidden={!expanded}>
          {groups.map((group) => (
            // biome-ignore lint/a11y/useSemanticElements: a group of options in a listbox (ARIA listbox pattern), not of form controls
            <div key={group.kind} role="group" aria-labelledby={`${id}-group-${group.kind}`} className="search-combobox__group">
              <div role="presentation" id={`${id}-group-${group.kind}`} className="search-combobox__group-label">
                {suggestionKindNames[group.kind]}
              </div>
              {group.items.map((suggestion) => {
                index += 1;
                const position = index;
                return (
                  // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard works through the combobox input (aria-activedescendant)
                  // biome-ignore lint/a11y/useFocusableInteractive: options stay unfocusable; the input keeps the focus (aria-activedescendant)
                  <div
                    key={`${suggestion.kind}:${suggestion.href}`}
                    id={optionId(position)}
                    role="option"
                    aria-selected={position === active}
                    className="search-combobox__option"
                    // Keep the focus in the box while clicking.
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => choose(suggestion)}
                  >
                    <span className="search-combobox__label">
                      <HighlightedText segments={suggestion.highlight} />
                    </span>
                    {suggestion.count !== null && (
                      <span className="search-combobox__count">{suggestion.count === 1 ? '1 recipe' : `${suggestion.count} recipes`}</span>
                    )}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        <p className="visually-hidden" role="status">
          {expanded ? `${options.length} ${options.length === 1 ? 'suggestion' : 'suggestions'}; use the arrow keys to choose.` : ''}
        </p>
      </form>
    </search>
  );
}
