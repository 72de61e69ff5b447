import type { GrapeColour } from '@tavola/contracts/wine-knowledge';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../../shell/page-title';
import { Card, LoadingState, SelectField, type SelectOption, TextField, useDebouncedValue } from '../../ui';
import { GrapeLinks } from './GrapeLinks';
import { useClassifications, useCountries, useGrapes } from './wine-knowledge-api';
import { countText } from './wine-format';
import './wine-knowledge.css';

/** The way into the knowledge base: countries, grapes (filtered by colour and name) and the reference documents. */
export function WineIndexPage() {
  usePageTitle('Wine');
  return (
    <div className="stack wine-page">
      <header className="page-header">
        <h1>Wine</h1>
        <p>Wine regions from countries down to appellations, grape varieties, classifications and a guide to tasting.</p>
      </header>
      <Countries />
      <Grapes />
      <References />
    </div>
  );
}

function Countries() {
  const countries = useCountries();
  return (
    <Card heading="Countries">
      {countries.isPending ? (
        <LoadingState label="Loading the countries…" />
      ) : countries.data ? (
        <ul className="wine-links wine-links--columns" aria-label="Countries">
          {countries.data.items.map((country) => (
            <li key={country.id} className="wine-links__item">
              <Link to={`/wine/regions/${country.id}`}>{country.name}</Link>
              {country.childCount > 0 && <span className="wine-muted"> · {countText(country.childCount, 'region', 'regions')}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty-state">The countries could not be loaded.</p>
      )}
    </Card>
  );
}

type ColourChoice = GrapeColour | 'all';
const colourOptions: SelectOption<ColourChoice>[] = [
  { value: 'all', label: 'All colours' },
  { value: 'red', label: 'Red' },
  { value: 'white', label: 'White' },
];

/** The colours as plain values: importing them from the contract would pull Zod into this page's chunk. */
function parseColour(value: string | null): GrapeColour | undefined {
  return value === 'red' || value === 'white' ? value : undefined;
}

/** The grape list; its filters live in the address (?colour=&q=) so Back returns to the same list. */
function Grapes() {
  const [params, setParams] = useSearchParams();
  const colour = parseColour(params.get('colour'));
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebouncedValue(text.trim(), 250);

  useEffect(() => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (q) next.set('q', q);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [q, setParams]);

  const chooseColour = (choice: ColourChoice) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (choice === 'all') next.delete('colour');
        else next.set('colour', choice);
        return next;
      },
      { replace: true },
    );

  const grapes = useGrapes(colour, q);
  const items = grapes.data?.items;
  return (
    <Card heading="Grapes" headingId="grapes">
      <div className="wine-filters">
        <TextField
          label="Name"
          description="A name or another name (Shiraz finds Syrah)"
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          maxLength={100}
          autoComplete="off"
        />
        <SelectField label="Colour" options={colourOptions} value={colour ?? 'all'} onChange={chooseColour} />
      </div>
      <p className="wine-muted" aria-live="polite">
        {items ? countText(items.length, 'grape', 'grapes') : ''}
      </p>
      {grapes.isPending ? (
        <LoadingState label="Loading the grapes…" />
      ) : items && items.length > 0 ? (
        <GrapeLinks
          grapes={items}
          label="Grapes"
          extra={(grape) => grape.synonyms.length > 0 && <span className="wine-muted"> · also {grape.synonyms.join(', ')}</span>}
        />
      ) : items ? (
        <p className="empty-state">No grape matches these filters.</p>
      ) : (
        <p className="empty-state">The grapes could not be loaded.</p>
      )}
    </Card>
  );
}

function References() {
  const classifications = useClassifications();
  return (
    <Card heading="Classifications and tasting">
      <p>
        <Link to="/wine/tasting-guide">The systematic tasting guide</Link>
      </p>
      {classifications.data && (
        <ul className="wine-links" aria-label="Classifications">
          {classifications.data.items.map((classification) => (
            <li key={classification.id} className="wine-links__item">
              <Link to={`/wine/classifications/${classification.id}`}>{classification.name}</Link>
            </li>
          ))}
        </ul>
      )}
      {classifications.isPending && <LoadingState label="Loading the classifications…" />}
    </Card>
  );
}
