import type { Region, RegionRef } from '@tavola/contracts/wine-knowledge';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../shell/page-title';
import { Card } from '../../ui';
import { GrapeLinks } from './GrapeLinks';
import { useRegion } from './wine-knowledge-api';
import { WineQueryState } from './WineStates';
import { countText, regionLevelLabels } from './wine-format';
import './wine-knowledge.css';

/** One region of the knowledge base: where it lies, what lies in it, the grapes grown there. */
export function RegionPage() {
  const { id = '' } = useParams();
  const region = useRegion(id);
  if (!region.data) return <WineQueryState kind="region" error={region.error} onRetry={() => void region.refetch()} />;
  return <RegionView region={region.data} />;
}

function RegionView({ region }: { region: Region }) {
  usePageTitle(region.name);
  return (
    <div className="stack wine-page">
      <RegionBreadcrumb ancestors={region.ancestors} current={region.name} />
      <header className="page-header">
        <h1>{region.name}</h1>
        <p className="wine-meta">
          <span>{regionLevelLabels[region.level]}</span>
          {region.designation && <span className="badge">{region.designation}</span>}
        </p>
        {region.altNames.length > 0 && <p>Also called {region.altNames.join(', ')}</p>}
      </header>

      {(region.note || region.legalReference) && (
        <Card>
          {region.note && <p>{region.note}</p>}
          {region.legalReference && (
            <p>
              <span className="wine-muted">Legal reference:</span> {region.legalReference}
            </p>
          )}
        </Card>
      )}

      {region.children.length > 0 && (
        <Card heading={`Within ${region.name}`}>
          <ul className="wine-links wine-links--columns" aria-label={`Regions within ${region.name}`}>
            {region.children.map((child) => (
              <li key={child.id} className="wine-links__item">
                <Link to={`/wine/regions/${child.id}`}>{child.name}</Link>
                {child.designation && <span className="wine-muted"> {child.designation}</span>}
                {child.childCount > 0 && <span className="wine-muted"> · {countText(child.childCount, 'area', 'areas')}</span>}
              </li>
            ))}
          </ul>
        </Card>
      )}

      <Card heading="Grapes">
        {region.grapes.length > 0 ? (
          <GrapeLinks grapes={region.grapes} label={`Grapes of ${region.name}`} />
        ) : (
          <p className="empty-state">No principal grapes are recorded for {region.name} itself.</p>
        )}
        {region.ancestorGrapes.length > 0 && (
          <>
            <h3 className="wine-subheading">Grapes of the wider region</h3>
            <GrapeLinks
              grapes={region.ancestorGrapes}
              label="Grapes of the wider region"
              extra={(grape) => (
                <span className="wine-muted">
                  {' '}
                  · from <Link to={`/wine/regions/${grape.from.id}`}>{grape.from.name}</Link>
                </span>
              )}
            />
          </>
        )}
      </Card>

      {(region.alsoWithin.length > 0 || region.alsoContains.length > 0) && (
        <Card heading="Overlapping regions">
          {region.alsoWithin.length > 0 && <RegionRefs label={`${region.name} also lies within`} regions={region.alsoWithin} />}
          {region.alsoContains.length > 0 && <RegionRefs label={`Also within ${region.name}`} regions={region.alsoContains} />}
        </Card>
      )}
    </div>
  );
}

function RegionBreadcrumb({ ancestors, current }: { ancestors: readonly RegionRef[]; current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="wine-breadcrumb">
      <ol>
        <li>
          <Link to="/wine">Wine</Link>
        </li>
        {ancestors.map((ancestor) => (
          <li key={ancestor.id}>
            <Link to={`/wine/regions/${ancestor.id}`}>{ancestor.name}</Link>
          </li>
        ))}
        <li>
          <span aria-current="page">{current}</span>
        </li>
      </ol>
    </nav>
  );
}

function RegionRefs({ label, regions }: { label: string; regions: readonly RegionRef[] }) {
  return (
    <>
      <h3 className="wine-subheading">{label}</h3>
      <ul className="wine-links" aria-label={label}>
        {regions.map((region) => (
          <li key={region.id} className="wine-links__item">
            <Link to={`/wine/regions/${region.id}`}>{region.name}</Link> <span className="wine-muted">{regionLevelLabels[region.level]}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
