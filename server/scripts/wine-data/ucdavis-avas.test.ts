import { describe, expect, it } from 'vitest';
import { avaKey, buildAvaRegions, parseCsv, readAvaRows, stateNameFor } from './ucdavis-avas.js';

// Rows as us_by_ava.csv writes them, quirks included (AK for Arkansas, VI for Virginia, a stray
// leading space, a broken `within` cell, a quoted name with a comma, a "(WA)" suffix).
const sample = `cfr,state,name,county,within,contains
9.77,AK,Altus,Franklin,Arkansas Mountain|Ozark Mountain,
9.112,AK, Arkansas Mountain,Conway|Franklin,Ozark Mountain,Altus
9.108,AR|MO|OK,Ozark Mountain,,,Altus (AR)|Arkansas Mountain (AR)
9.60,VI|WV,Shenandoah Valley,,,
9.30,CA,North Coast,Lake|Napa,,Clear Lake
9.99,CA,Clear Lake,Lake,North Coast,Big Valley District–Lake County
9.232,CA,Big Valley District-Lake County,Lake,|Clear LakeNorth Coast,
9.74,OR|WA,Columbia Valley,,,"Yakima Valley (WA)|Walla Walla Valley (WA,OR)"
9.69,WA,Yakima Valley,Benton|Yakima,Columbia Valley,
9.190,OR,"Red Hill Douglas County, Oregon",Douglas,,
`;

describe('reading the UC Davis AVA list', () => {
  it("maps the file's state codes, reading AK as Arkansas and VI as Virginia", () => {
    expect(stateNameFor('AK')).toBe('Arkansas');
    expect(stateNameFor('VI')).toBe('Virginia');
    expect(stateNameFor('CA')).toBe('California');
    expect(() => stateNameFor('ZZ')).toThrow(/unknown US state code/);
    const rows = readAvaRows(sample);
    expect(rows.find((row) => row.name === 'Altus')?.states).toEqual(['Arkansas']);
    expect(rows.find((row) => row.name === 'Arkansas Mountain')).toMatchObject({ states: ['Arkansas'], within: ['Ozark Mountain'] });
    expect(rows.find((row) => row.name === 'Shenandoah Valley')?.states).toEqual(['Virginia', 'West Virginia']);
  });

  it('parses quoted fields and repairs broken within cells', () => {
    expect(parseCsv('a,"b, c",d\n"say ""hi""",,\n')).toEqual([['a', 'b, c', 'd'], ['say "hi"', '', '']]);
    const rows = readAvaRows(sample);
    expect(rows.find((row) => row.name.startsWith('Big Valley'))?.within).toEqual(['Clear Lake', 'North Coast']);
    expect(rows.find((row) => row.name.startsWith('Red Hill'))?.name).toBe('Red Hill Douglas County, Oregon');
    expect(avaKey('Walla Walla Valley (WA,OR)')).toBe('walla walla valley');
    expect(avaKey('Kelsey Bench–Lake County')).toBe(avaKey('Kelsey Bench-Lake County'));
  });

  it('nests each AVA under the deepest AVA it lies within, else its state, else the country', () => {
    const regions = buildAvaRegions(readAvaRows(sample), 'usa');
    const byId = new Map(regions.map((region) => [region.id, region]));
    expect(byId.get('usa-altus')).toMatchObject({ parentId: 'usa-arkansas-mountain', alsoWithin: [], designation: 'AVA', legalReference: '27 CFR § 9.77' });
    expect(byId.get('usa-arkansas-mountain')).toMatchObject({ parentId: 'usa-ozark-mountain', alsoWithin: ['usa-arkansas'] });
    expect(byId.get('usa-ozark-mountain')).toMatchObject({ parentId: 'usa', alsoWithin: ['usa-arkansas', 'usa-missouri', 'usa-oklahoma'] });
    expect(byId.get('usa-big-valley-district-lake-county')).toMatchObject({ parentId: 'usa-clear-lake', alsoWithin: [] });
    expect(byId.get('usa-north-coast')?.parentId).toBe('usa-california');
    expect(byId.get('usa-yakima-valley')).toMatchObject({ parentId: 'usa-columbia-valley', alsoWithin: ['usa-washington'] });
    expect(byId.get('usa-arkansas')).toMatchObject({ name: 'Arkansas', level: 'region', parentId: 'usa' });
    expect(byId.has('usa-alaska')).toBe(false);
    expect([...byId.keys()].filter((id) => byId.get(id)?.level === 'region')).toEqual([
      'usa-arkansas', 'usa-california', 'usa-missouri', 'usa-oklahoma', 'usa-oregon', 'usa-virginia', 'usa-washington', 'usa-west-virginia',
    ]);
  });

  it('refuses a within that names no AVA, and a containment cycle', () => {
    expect(() => buildAvaRegions(readAvaRows('cfr,state,name,county,within,contains\n9.1,CA,A,,Nowhere,\n'), 'usa')).toThrow(/unknown AVA "Nowhere"/);
    expect(() => buildAvaRegions(readAvaRows('cfr,state,name,county,within,contains\n9.1,CA,A,,B,\n9.2,CA,B,,A,\n'), 'usa')).toThrow(/cycle/);
  });
});
