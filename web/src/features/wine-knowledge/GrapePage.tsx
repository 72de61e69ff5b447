import type { Grape } from '@tavola/contracts/wine-knowledge';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../shell/page-title';
import { Card } from '../../ui';
import { useGrape } from './wine-knowledge-api';
import { WineQueryState } from './WineStates';
import { colourText, scaleWord, sweetnessText } from './wine-format';
import './wine-knowledge.css';

/** One grape variety: its profile (on the scales tasting notes use), aromas, other names and where it is grown. */
export function GrapePage() {
  const { id = '' } = useParams();
  const grape = useGrape(id);
  if (!grape.data) return <WineQueryState kind="grape" error={grape.error} onRetry={() => void grape.refetch()} />;
  return <GrapeView grape={grape.data} />;
}

function GrapeView({ grape }: { grape: Grape }) {
  usePageTitle(grape.name);
  return (
    <div className="stack wine-page">
      <nav aria-label="Breadcrumb" className="wine-breadcrumb">
        <ol>
          <li>
            <Link to="/wine">Wine</Link>
          </li>
          <li>
            <Link to="/wine#grapes">Grapes</Link>
          </li>
          <li>
            <span aria-current="page">{grape.name}</span>
          </li>
        </ol>
      </nav>
      <header className="page-header">
        <h1>{grape.name}</h1>
        <p className="wine-meta">
          <span className={`wine-colour wine-colour--${grape.colour}`}>{colourText(grape.colour)} grape</span>
        </p>
        {grape.synonyms.length > 0 && <p>Also known as {grape.synonyms.join(', ')}</p>}
      </header>

      <Card heading="Profile">
        <dl className="details-list">
          <dt>Body</dt>
          <dd>{scaleWord(grape.body)}</dd>
          <dt>Acidity</dt>
          <dd>{scaleWord(grape.acidity)}</dd>
          {grape.tannin && (
            <>
              <dt>Tannin</dt>
              <dd>{scaleWord(grape.tannin)}</dd>
            </>
          )}
          <dt>Sweetness</dt>
          <dd>{sweetnessText(grape.sweetness)}</dd>
        </dl>
        {grape.note && <p>{grape.note}</p>}
      </Card>

      {grape.aromas.length > 0 && (
        <Card heading="Aromas">
          <ul className="wine-tags" aria-label={`Aromas of ${grape.name}`}>
            {grape.aromas.map((aroma) => (
              <li key={aroma} className="badge">
                {aroma}
              </li>
            ))}
          </ul>
        </Card>
      )}

      <Card heading="Principal regions">
        {grape.regions.length > 0 ? (
          <ul className="wine-links wine-links--columns" aria-label={`Principal regions of ${grape.name}`}>
            {grape.regions.map((region) => (
              <li key={region.id} className="wine-links__item">
                <Link to={`/wine/regions/${region.id}`}>{region.name}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty-state">No principal regions are recorded for {grape.name}.</p>
        )}
      </Card>
    </div>
  );
}
