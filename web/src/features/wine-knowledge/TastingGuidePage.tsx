import type { TastingField, TastingGuide } from '@tavola/contracts/wine-knowledge';
import { Link } from 'react-router';
import { usePageTitle } from '../../shell/page-title';
import { Card } from '../../ui';
import { useTastingGuide } from './wine-knowledge-api';
import { WineQueryState } from './WineStates';
import './wine-knowledge.css';

/** The systematic tasting guide as a readable reference: each section's questions with their scales, then the aroma groups. */
export function TastingGuidePage() {
  const guide = useTastingGuide();
  if (!guide.data) return <WineQueryState kind="tasting guide" error={guide.error} onRetry={() => void guide.refetch()} />;
  return <TastingGuideView guide={guide.data} />;
}

const aromaTypeLabels = {
  primary: 'Primary (from the grape)',
  secondary: 'Secondary (from winemaking)',
  tertiary: 'Tertiary (from ageing)',
} as const;

function TastingGuideView({ guide }: { guide: TastingGuide }) {
  usePageTitle(guide.name);
  return (
    <div className="stack wine-page">
      <nav aria-label="Breadcrumb" className="wine-breadcrumb">
        <ol>
          <li>
            <Link to="/wine">Wine</Link>
          </li>
          <li>
            <span aria-current="page">{guide.name}</span>
          </li>
        </ol>
      </nav>
      <header className="page-header">
        <h1>{guide.name}</h1>
        <p>{guide.summary}</p>
      </header>
      {guide.sections.map((section) => (
        <Card key={section.id} heading={section.name} description={section.description}>
          <dl className="wine-fields">
            {section.fields.map((field) => (
              <div key={field.id} className="wine-field">
                <dt>{field.name}</dt>
                <dd>
                  <FieldValues field={field} />
                </dd>
              </div>
            ))}
          </dl>
        </Card>
      ))}
      <Card heading="Aromas">
        {guide.aromaGroups.map((group) => (
          <div key={group.id} className="wine-aroma-group">
            <h3 className="wine-subheading">
              {group.name} <span className="wine-muted">· {aromaTypeLabels[group.type]}</span>
            </h3>
            <p>{group.descriptors.join(', ')}</p>
          </div>
        ))}
      </Card>
    </div>
  );
}

function FieldValues({ field }: { field: TastingField }) {
  return (
    <>
      {field.description && <p>{field.description}</p>}
      {field.kind === 'aromas' && <p className="wine-muted">Any of the aromas below.</p>}
      {field.kind === 'text' && <p className="wine-muted">In your own words.</p>}
      {field.values && <ValueList values={field.values} />}
      {field.valuesByWineType &&
        Object.entries(field.valuesByWineType).map(([wineType, values]) => (
          <p key={wineType}>
            <span className="wine-muted">{wineType === 'rose' ? 'Rosé' : `${wineType[0]?.toUpperCase()}${wineType.slice(1)}`}:</span>{' '}
            {values.map((value) => value.label).join(', ')}
          </p>
        ))}
    </>
  );
}

function ValueList({ values }: { values: NonNullable<TastingField['values']> }) {
  if (values.every((value) => !value.hint)) return <p>{values.map((value) => value.label).join(' · ')}</p>;
  return (
    <ul className="wine-values">
      {values.map((value) => (
        <li key={value.id}>
          {value.label}
          {value.hint && <span className="wine-muted"> — {value.hint}</span>}
        </li>
      ))}
    </ul>
  );
}
