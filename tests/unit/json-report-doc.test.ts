/**
 * The sample of docs/json-report.md is the report `score examples/interviews --by role --format json`
 * really writes, abridged: same fields, in the same order, at the top level and in each entry shown,
 * so the page cannot fall behind the format.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFormat, loadRubric, score } from '../../src/index.js';
import { plainStyle } from '../../src/report/shared/style.js';

const REPO = new URL('../..', import.meta.url).pathname;

function docSample(): Record<string, unknown> {
  const page = readFileSync(`${REPO}/docs/json-report.md`, 'utf8');
  const block = /```json\n(\{\n {2}"svcaudit": 2[\s\S]*?)\n```/.exec(page);
  if (block === null) throw new Error('docs/json-report.md has no sample of format 2');
  return JSON.parse(block[1]!) as Record<string, unknown>;
}

const keys = (value: unknown) => Object.keys(value as object);
const first = (value: unknown) => (value as unknown[])[0];

describe('the sample of docs/json-report.md', () => {
  it('has the fields of the real report, in order, down to the first entry of each list', async () => {
    const { rubric } = await loadRubric('service-commitments');
    const { report } = await score([`${REPO}/examples/interviews`], rubric, { by: 'role' });
    const real = JSON.parse((await loadFormat('report', 'json'))(report, { style: plainStyle, width: 100 })) as Record<string, unknown>;
    const doc = docSample();
    expect(keys(doc)).toEqual(keys(real));
    for (const list of ['groups', 'sections', 'items', 'plan', 'sources']) {
      expect(keys(first(doc[list])), list).toEqual(keys(first(real[list])));
    }
    expect(keys(doc.overall)).toEqual(keys(real.overall));
    expect(keys((first(doc.items) as { quotes: unknown[] }).quotes[0])).toEqual(keys((first(real.items) as { quotes: unknown[] }).quotes[0]));
  });
});
