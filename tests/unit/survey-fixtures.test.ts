/**
 * Every committed export in tests/fixtures/exports/ (one per layout and quirk) gives exactly the
 * AnswerSets of the same answers written as YAML answers files: scores, respondent fields, dates,
 * evidence and general comments. `svcaudit map` on each fixture matches its golden proposal, and
 * the proposal validates as it is. Set UPDATE_SURVEY_FIXTURES=1 to write the fixtures anew from
 * tests/helpers/survey-exports.ts.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkMappingText } from '../../src/inputs/survey/check-mapping.js';
import { profileExport } from '../../src/inputs/survey/profile-export.js';
import { proposeMapping } from '../../src/inputs/survey/propose-mapping.js';
import { loadRubric } from '../../src/rubric/load-rubric.js';
import { rubricItems, type Rubric } from '../../src/rubric/model.js';
import { answersYaml, DATASET, EXPORT_KINDS, writeExport, type ExportKind } from '../helpers/survey-exports.js';
import { comparable, readExport, readYamlAnswers } from '../helpers/survey-read.js';
import { REPO } from '../helpers/run-cli.js';

const DIR = join(REPO, 'tests/fixtures/exports');
const UPDATE = process.env.UPDATE_SURVEY_FIXTURES === '1';
let rubric: Rubric;

beforeAll(async () => {
  rubric = (await loadRubric('service-commitments')).rubric;
  if (!UPDATE) return;
  mkdirSync(join(DIR, 'answers'), { recursive: true });
  DATASET.forEach((r) => writeFileSync(join(DIR, 'answers', `${r.id}.yaml`), answersYaml(r, rubric)));
  for (const kind of EXPORT_KINDS) {
    const out = writeExport(kind, DATASET, rubric);
    writeFileSync(join(DIR, out.file), out.bytes);
    if (out.mapping) writeFileSync(join(DIR, out.file.replace(/\.\w+$/, '.map.yaml')), out.mapping);
    const { profile } = await profileExport(join(DIR, out.file), out.file, rubricItems(rubric).map((i) => i.id));
    writeFileSync(join(DIR, out.file.replace(/\.\w+$/, '.proposed.yaml')), proposeMapping(profile, rubric));
  }
});

const fixture = (kind: ExportKind) => {
  const { file, mapping, quotes } = writeExport(kind, DATASET, rubric);
  const mapFile = join(DIR, file.replace(/\.\w+$/, '.map.yaml'));
  return { file, path: join(DIR, file), mapping: mapping === undefined ? undefined : readFileSync(mapFile, 'utf8'), quotes, proposed: join(DIR, file.replace(/\.\w+$/, '.proposed.yaml')) };
};

const EXCLUDED: Partial<Record<ExportKind, Array<{ rule: string; rows: number }>>> = {
  qualtrics: [{ rule: 'unfinished', rows: 1 }, { rule: 'preview', rows: 1 }],
  typeform: [{ rule: 'partial', rows: 1 }],
  limesurvey: [{ rule: 'incomplete', rows: 1 }],
};

describe.each(EXPORT_KINDS)('%s', (kind) => {
  it('is the committed fixture, byte for byte', () => {
    const { file } = fixture(kind);
    expect(readFileSync(join(DIR, file)).equals(writeExport(kind, DATASET, rubric).bytes)).toBe(true);
  });

  it('reads as the same AnswerSets as the YAML answers files', async () => {
    const f = fixture(kind);
    const read = await readExport(f.path, f.file, rubric, f.mapping);
    const warnings = kind === 'svcaudit-windows-1252' ? ['file-encoding'] : [];
    expect(read.findings.map((x) => x.rule)).toEqual(warnings);
    const yaml = DATASET.map((r) => readYamlAnswers(readFileSync(join(DIR, 'answers', `${r.id}.yaml`), 'utf8'), `${r.id}.yaml`, rubric));
    expect(read.sets.map((s) => comparable(s, f.quotes))).toEqual(yaml.map((s) => comparable(s, f.quotes)));
    expect(read.result.respondents).toBe(DATASET.length);
    expect(read.result.excluded).toEqual(EXCLUDED[kind] ?? []);
    // Something real was compared: names with accents, dates, and every item in some row.
    expect(read.sets[2]!.respondent.name).toBe('Siân');
    expect(read.sets.map((s) => s.date)).toEqual(DATASET.map((r) => r.date));
    expect(new Set(read.sets.flatMap((s) => [...s.answers.keys()])).size).toBe(13);
  });

  it('gets the golden proposal from `svcaudit map`, which validates as it is', async () => {
    const f = fixture(kind);
    const { profile, findings } = await profileExport(f.path, f.file, rubricItems(rubric).map((i) => i.id));
    expect(findings.filter((x) => x.severity === 'error')).toEqual([]);
    const text = proposeMapping(profile, rubric);
    expect(existsSync(f.proposed)).toBe(true);
    expect(text).toBe(readFileSync(f.proposed, 'utf8'));
    const checked = await checkMappingText(text, 'proposed.yaml', rubric);
    expect(checked.findings.filter((x) => x.severity === 'error')).toEqual([]);
    expect(checked.value).toBeDefined();
  });
});
