import type { RecipeDiff } from '@tavola/contracts/recipes';
import { keyed } from './keyed';
import { describeFieldValue, fieldNames } from './recipe-format';

type ListChange = RecipeDiff['ingredients'][number];

const kindNames: Record<ListChange['kind'], string> = { added: 'Added', removed: 'Removed', changed: 'Changed', unchanged: 'Unchanged' };

/** What changed between two versions: a table of details, then ingredient and step lines marked in words (and colour). */
export function RecipeDiffView({ diff }: { diff: RecipeDiff }) {
  return (
    <div className="diff__body">
      <h3>Details</h3>
      {diff.metadata.length === 0 ? (
        <p className="item__meta">No details changed.</p>
      ) : (
        <div className="table-scroll">
          <table className="diff-table">
            <caption className="visually-hidden">Changed details</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Version {diff.from}</th>
                <th scope="col">Version {diff.to}</th>
              </tr>
            </thead>
            <tbody>
              {diff.metadata.map((change) => (
                <tr key={change.field}>
                  <th scope="row">{fieldNames[change.field] ?? change.field}</th>
                  <td>
                    <del className="diff-value diff-value--before">{describeFieldValue(change.field, change.before)}</del>
                  </td>
                  <td>
                    <ins className="diff-value diff-value--after">{describeFieldValue(change.field, change.after)}</ins>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LineChanges title="Ingredients" changes={diff.ingredients} />
      {diff.foods.length > 0 && (
        <ul className="diff-lines" aria-label="Foods counted for nutrition">
          {keyed(diff.foods, (change) => change.line).map(({ item: change, key }) => (
            <li key={key} className="diff-line diff-line--changed">
              <span className="diff-line__kind diff-line__kind--changed">Food</span>
              <span className="diff-line__text">
                {change.line}: <del>{change.before ?? 'none'}</del> → <ins>{change.after ?? 'none'}</ins>
              </span>
            </li>
          ))}
        </ul>
      )}
      <LineChanges title="Steps" changes={diff.steps} numbered />
    </div>
  );
}

function LineChanges({ title, changes, numbered = false }: { title: string; changes: ListChange[]; numbered?: boolean }) {
  const changed = changes.filter((c) => c.kind !== 'unchanged').length;
  let afterIndex = 0;
  return (
    <>
      <h3>{title}</h3>
      <p className="item__meta">{changed === 0 ? `No ${title.toLowerCase()} changed.` : `${changed} ${changed === 1 ? 'line' : 'lines'} changed.`}</p>
      {changes.length > 0 && (
        <ul className="diff-lines" aria-label={`${title} changes`}>
          {keyed(changes, (c) => `${c.kind}:${c.before}:${c.after}`).map(({ item: change, key }) => {
            if (change.kind !== 'removed') afterIndex++;
            const label = numbered && change.kind !== 'removed' ? `Step ${afterIndex}: ` : '';
            return (
              <li key={key} className={`diff-line diff-line--${change.kind}`}>
                <span className={`diff-line__kind diff-line__kind--${change.kind}`}>{kindNames[change.kind]}</span>
                <span className="diff-line__text">
                  {label && <span className="diff-line__label">{label}</span>}
                  {change.kind === 'added' && <ins>{change.after}</ins>}
                  {change.kind === 'removed' && <del>{change.before}</del>}
                  {change.kind === 'unchanged' && <span>{change.after}</span>}
                  {change.kind === 'changed' && (
                    <>
                      <del>{change.before}</del>
                      <span className="diff-line__arrow">
                        <span aria-hidden="true"> → </span>
                        <span className="visually-hidden">, now: </span>
                      </span>
                      <ins>{change.after}</ins>
                    </>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
