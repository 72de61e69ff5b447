import type { GrapeSummary } from '@tavola/contracts/wine-knowledge';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { colourText } from './wine-format';

/** Grapes as links to their pages, each with its colour (and, optionally, a note after it). */
export function GrapeLinks<G extends GrapeSummary>({ grapes, label, extra }: { grapes: readonly G[]; label: string; extra?: (grape: G) => ReactNode }) {
  return (
    <ul className="wine-links wine-links--columns" aria-label={label}>
      {grapes.map((grape) => (
        <li key={grape.id} className="wine-links__item">
          <Link to={`/wine/grapes/${grape.id}`}>{grape.name}</Link>{' '}
          <span className={`wine-colour wine-colour--${grape.colour}`}>{colourText(grape.colour)}</span>
          {extra?.(grape)}
        </li>
      ))}
    </ul>
  );
}
