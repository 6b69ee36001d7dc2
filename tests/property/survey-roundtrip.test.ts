/**
 * Property: any respondents, written as any layout's export (tests/helpers/survey-exports.ts) and
 * read back through its mapping, give the AnswerSets of the same answers as YAML answers files.
 * Run counts and seed from the environment (tests/helpers/property-runs.ts).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRubric } from '../../src/rubric/load-rubric.js';
import type { Rubric } from '../../src/rubric/model.js';
import { answersYaml, EXPORT_KINDS, writeExport, type Cell, type Respondent } from '../helpers/survey-exports.js';
import { propertyRuns } from '../helpers/property-runs.js';
import { comparable, readExport, readYamlAnswers } from '../helpers/survey-read.js';

let rubric: Rubric;

beforeAll(async () => {
  rubric = (await loadRubric('service-commitments')).rubric;
});

/** Text with the characters exports must carry: delimiters, quotes, line breaks, accents (all in Windows-1252). */
const text = fc
  .array(fc.constantFrom(...'abcXYZ019 ,;\t"\'\nÀéîõüÿñçßØ&<>[]#-=+'.split('')), { minLength: 1, maxLength: 14 })
  .map((chars) => chars.join('').trim())
  .filter((t) => t !== '' && !/^[=+-]/.test(t) && !/^\d/.test(t));

const cell: fc.Arbitrary<Cell> = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 5 }) }, { weight: 1, arbitrary: fc.constant<Cell>('na') }, { weight: 1, arbitrary: fc.constant<Cell>(null) });

const respondent: fc.Arbitrary<Respondent> = fc.record({
  id: fc.integer({ min: 1, max: 999 }).map((n) => `R-${String(n).padStart(3, '0')}`),
  name: text,
  role: fc.constantFrom('customer', 'staff', 'manager'),
  date: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  answers: fc.array(cell, { minLength: 13, maxLength: 13 }),
  speedWhy: fc.option(text, { nil: undefined }),
  comment: fc.option(text, { nil: undefined }),
}).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as unknown as Respondent);

describe('property: an export in any layout reads back as the YAML answers', () => {
  it('for generated respondents', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...EXPORT_KINDS), fc.array(respondent, { minLength: 1, maxLength: 6 }), async (kind, generated) => {
        // Day/month dates need one day past 12 to settle their order (otherwise a finding says so; tested apart).
        const people = kind === 'svcaudit-tab' ? [{ ...generated[0]!, date: '2026-05-20' }, ...generated.slice(1)] : generated;
        const out = writeExport(kind, people, rubric);
        const read = await readExport(out.bytes, out.file, rubric, out.mapping);
        expect(read.findings.filter((f) => f.severity === 'error')).toEqual([]);
        const yaml = people.map((r, i) => readYamlAnswers(answersYaml(r, rubric), `r${i}.yaml`, rubric));
        expect(read.sets.map((s) => comparable(s, out.quotes))).toEqual(yaml.map((s) => comparable(s, out.quotes)));
      }),
      propertyRuns({ runs: 40 }),
    );
  });
});
