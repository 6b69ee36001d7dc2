/**
 * The built-in rubrics as the build read and checked them (src/rubric/pre-read.ts,
 * scripts/pre-read-rubrics.ts): the pre-read model is exactly what checking the file gives, a
 * run against the built-in rubric takes it while the file holds the text it was made from, and
 * an edited rubric file is read and checked anew, findings and all.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRubricText } from '../../src/rubric/check-rubric.js';
import { readPreRead } from '../../src/rubric/pre-read.js';
import { REPO } from '../helpers/run-cli.js';

const PRE_READ = 'dist/rubrics/service-commitments.json';
const YAML = 'rubrics/service-commitments.yaml';

function score(root: string) {
  const r = spawnSync(process.execPath, [join(root, 'bin/svcaudit.cjs'), 'score', 'examples/self-audit.yaml'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the built-in rubric, pre-read by the build', () => {
  let copy: string;
  beforeAll(() => {
    if (!existsSync(join(REPO, PRE_READ))) throw new Error('run `npm run build` before the end-to-end tests');
    copy = mkdtempSync(join(tmpdir(), 'svcaudit-pre-read-'));
    for (const part of ['bin', 'dist', 'rubrics', 'package.json']) cpSync(join(REPO, part), join(copy, part), { recursive: true });
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('is the text of the file and the very model checking that text gives, Maps and all', async () => {
    const bytes = readFileSync(join(REPO, YAML));
    const pre = readPreRead(readFileSync(join(REPO, PRE_READ), 'utf8'));
    expect(Buffer.from(pre.text, 'utf8').equals(bytes)).toBe(true);
    const checked = await checkRubricText(bytes, join(REPO, YAML), 'builtin:service-commitments');
    expect(checked.findings).toEqual([]);
    expect(pre.rubric).toStrictEqual(checked.value);
    expect(pre.rubric.scale.labels).toBeInstanceOf(Map);
  });

  it('is what a run takes while the file is unchanged, and never once the file is edited', () => {
    const plain = score(copy);
    expect(plain.status).toBe(0);
    expect(plain.stdout.split('\n')[0]).toBe('Service Commitments Audit');
    // A pre-read whose title was changed (its text kept) shows that title: the run took the pre-read model.
    const pre = JSON.parse(readFileSync(join(copy, PRE_READ), 'utf8')) as { text: string; rubric: { title: string } };
    writeFileSync(join(copy, PRE_READ), JSON.stringify({ ...pre, rubric: { ...pre.rubric, title: 'Taken From The Pre-read' } }));
    expect(score(copy).stdout.split('\n')[0]).toBe('Taken From The Pre-read');
    // The file edited, even by one character of a comment: read and checked anew, the pre-read ignored.
    const yaml = readFileSync(join(copy, YAML), 'utf8');
    writeFileSync(join(copy, YAML), `${yaml}# edited\n`);
    expect(score(copy).stdout.split('\n')[0]).toBe('Service Commitments Audit');
    // ... and its findings are reported as any rubric's: an unknown top-level key is an error.
    writeFileSync(join(copy, YAML), yaml.replace(/^title:/m, 'titel:'));
    const broken = score(copy);
    expect(broken.status).not.toBe(0);
    expect(broken.stderr).toMatch(/titel/);
  });
});
