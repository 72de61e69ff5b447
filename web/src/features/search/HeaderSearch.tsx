import { useEffect, useId, useRef, useState } from 'react';
import { SearchCombobox } from './SearchCombobox';
import { SearchIcon } from './SearchIcon';
import './header-search.css';

/**
 * The search box in the site header. Wide screens show the box in the header; narrower ones show a
 * Search button that opens the box across the whole header (closed by its Close button, Escape in
 * the empty box, or going somewhere).
 */
export function HeaderSearch() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };

  return (
    <div className={open ? 'header-search header-search--open' : 'header-search'}>
      <button ref={toggleRef} type="button" className="header-search__toggle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(true)}>
        <SearchIcon />
        <span className="visually-hidden">Search</span>
      </button>
      <div id={panelId} className="header-search__panel">
        <SearchCombobox inputRef={inputRef} onDone={() => setOpen(false)} onEscape={open ? close : undefined} />
        <button type="button" className="button button--quiet header-search__close" onClick={close}>
          Close
        </button>
      </div>
    </div>
  );
}
