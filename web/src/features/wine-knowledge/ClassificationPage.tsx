import type { Classification, ClassificationLevel } from '@tavola/contracts/wine-knowledge';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../shell/page-title';
import { Card } from '../../ui';
import { useClassification, useRegion } from './wine-knowledge-api';
import { WineQueryState } from './WineStates';
import './wine-knowledge.css';

/** One classification (a ranking of estates, vineyards, villages or wine styles): its levels, members and terms. */
export function ClassificationPage() {
  const { id = '' } = useParams();
  const classification = useClassification(id);
  if (!classification.data) return <WineQueryState kind="classification" error={classification.error} onRetry={() => void classification.refetch()} />;
  return <ClassificationView classification={classification.data} />;
}

function ClassificationView({ classification }: { classification: Classification }) {
  usePageTitle(classification.name);
  const levels = [...classification.levels].sort((a, b) => a.rank - b.rank);
  return (
    <div className="stack wine-page">
      <nav aria-label="Breadcrumb" className="wine-breadcrumb">
        <ol>
          <li>
            <Link to="/wine">Wine</Link>
          </li>
          <li>
            <span aria-current="page">Classification</span>
          </li>
        </ol>
      </nav>
      <header className="page-header">
        <h1>{classification.name}</h1>
        <p>{classification.summary}</p>
        <CoveredRegion id={classification.regionId ?? classification.countryId} />
      </header>

      <Card heading="Levels">
        <ol className="wine-levels">
          {levels.map((level) => (
            <li key={level.id}>
              <h3 className="wine-subheading">{level.name}</h3>
              <p>{level.meaning}</p>
              <LevelFigures level={level} />
              <LevelMembers classification={classification} levelId={level.id} levelName={level.name} />
            </li>
          ))}
        </ol>
      </Card>

      {classification.terms.length > 0 && (
        <Card heading="Terms on the label">
          <dl className="details-list">
            {classification.terms.map((term) => (
              <div key={term.term} className="wine-term">
                <dt>{term.term}</dt>
                <dd>{term.meaning}</dd>
              </div>
            ))}
          </dl>
        </Card>
      )}

      {classification.sources.length > 0 && (
        <Card heading="Sources">
          <ul>
            {classification.sources.map((source) => (
              <li key={source.title}>{source.url ? <a href={source.url}>{source.title}</a> : source.title}</li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}

/** The region (or country) the classification covers, named once its page data has loaded. */
function CoveredRegion({ id }: { id: string }) {
  const region = useRegion(id);
  return (
    <p>
      Covers <Link to={`/wine/regions/${id}`}>{region.data?.name ?? 'its region'}</Link>
    </p>
  );
}

/** A legal span; an open-ended one (no maximum) reads "from". */
function span(range: { min: number; max: unknown }, unit: string): string {
  if (typeof range.max !== 'number') return `from ${range.min} ${unit}`;
  return range.min === range.max ? `${range.min} ${unit}` : `${range.min}–${range.max} ${unit}`;
}

function LevelFigures({ level }: { level: ClassificationLevel }) {
  const figures: [string, string][] = [];
  if (level.labelExample) figures.push(['On the label', level.labelExample]);
  if (level.mustWeightOechsle) figures.push(['Minimum must weight', span(level.mustWeightOechsle, '°Oechsle')]);
  if (level.mustWeightKmw) figures.push(['Minimum must weight (KMW)', span(level.mustWeightKmw, '°KMW')]);
  if (level.residualSugarGPerL) figures.push(['Residual sugar', span(level.residualSugarGPerL, 'g/L')]);
  if (level.villageRatingPercent) figures.push(['Village rating', span(level.villageRatingPercent, '%')]);
  if (level.minimumAgeing) {
    const { red, whiteAndRose } = level.minimumAgeing;
    figures.push(['Minimum ageing, red', `${red.totalMonths} months, ${red.oakMonths} in oak`]);
    figures.push(['Minimum ageing, white and rosé', `${whiteAndRose.totalMonths} months, ${whiteAndRose.oakMonths} in oak`]);
  }
  if (figures.length === 0) return null;
  return (
    <dl className="details-list">
      {figures.map(([term, value]) => (
        <div key={term} className="wine-term">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function LevelMembers({ classification, levelId, levelName }: { classification: Classification; levelId: string; levelName: string }) {
  const members = classification.members.filter((member) => member.level === levelId);
  if (members.length === 0) return null;
  return (
    <ul className="wine-links wine-links--columns" aria-label={levelName}>
      {members.map((member) => (
        <li key={`${member.name}-${member.commune ?? ''}`} className="wine-links__item">
          {member.regionId ? <Link to={`/wine/regions/${member.regionId}`}>{member.name}</Link> : member.name}
          {member.commune && <span className="wine-muted"> · {member.commune}</span>}
          {member.note && <span className="wine-muted"> · {member.note}</span>}
        </li>
      ))}
    </ul>
  );
}
