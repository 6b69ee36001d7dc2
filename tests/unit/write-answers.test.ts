/**
 * The answers file `svcaudit assess` writes: it reads back, through the same
 * loader as `svcaudit score`, as the same AnswerSet; `validate` finds it
 * clean; and a failed write leaves the target exactly as it was.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer, AnswerSet } from '../../src/core/answers.js';
import { readAnswerSets } from '../../src/inputs/read-answer-sets.js';
import { formatAnswers, writeAnswersFile } from '../../src/inputs/answers-yaml/write-answers.js';
import { createAutosave } from '../../src/cli/assess/autosave.js';
import type { CliContext } from '../../src/cli/context.js';
import { removeStaleTemporaries, type AtomicFs } from '../../src/core/io/atomic-write.js';
import { loadRubric } from '../../src/rubric/load-rubric.js';
import { rubricItems, type Rubric } from '../../src/rubric/model.js';
import { validateFiles } from '../../src/app/validate.js';
import { REPO } from '../helpers/run-cli.js';
import { propertyRuns } from '../helpers/property-runs.js';

const rubric: Rubric = (await loadRubric('service-commitments')).rubric;
const ids = rubricItems(rubric).map((item) => item.id);
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'svcaudit-write-'));
});
afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

function answerSet(answers: Record<string, Answer>, respondent: Record<string, string> = { name: 'Dana', role: 'manager' }): AnswerSet {
  return { source: 'x', rubric: rubric.id, rubricVersion: rubric.version, respondent, date: '2026-11-20', answers: new Map(Object.entries(answers)) };
}

const a = (score: Answer['score'], note?: string, evidence: string[] = []): Answer => ({ score, note, evidence });

/** Reads a file the way `svcaudit score` does; fails the test on any finding. */
async function readBack(path: string): Promise<AnswerSet> {
  const sets: AnswerSet[] = [];
  const result = await readAnswerSets([path], rubric, (set) => sets.push(set));
  expect(result.findings).toEqual([]);
  expect(sets).toHaveLength(1);
  return sets[0]!;
}

/** What must survive a round trip: everything but `source` (the loader names the file it read). */
function comparable(set: AnswerSet) {
  const answers = [...set.answers].filter(([, x]) => x.score !== null || x.note !== undefined || x.evidence.length > 0);
  return {
    rubric: set.rubric,
    rubricVersion: set.rubricVersion,
    respondent: { ...set.respondent },
    date: set.date,
    answers: Object.fromEntries(answers.map(([id, x]) => [id, { score: x.score, note: x.note, evidence: [...x.evidence] }])),
  };
}

const HOSTILE_NOTES = [
  'Calls after 6pm: "ring out" # not a comment',
  "It's 'quoted' and has a colon: here",
  'line one\nline two\n\nline four',
  'trailing newline\n',
  '  leading and trailing spaces  ',
  '- looks like a list',
  '? looks like a key',
  '*alias &anchor !tag',
  'na',
  '4',
  'null',
  '~',
  'true',
  '2026-11-20',
  '{ flow: mapping }',
  '[1, 2]',
  '%YAML 1.2',
  '---',
  '|',
  'Ünïcödé — 日本語のメモ — emoji 👩🏽‍💼 — RTL عربى',
  'tab\there',
  'back\\slash',
  '\u2028line separator\u2029',
];

describe('round trip', () => {
  it('reads back as the same AnswerSet: scores, na, notes, evidence, respondent, date', async () => {
    const set = answerSet({
      'be-nice': a(4),
      'respond-quickly': a(2, 'Calls after 6pm ring out', ['Waited 14 min on hold']),
      'benefit-of-the-doubt': a('na'),
      'keep-your-cool': a('na', 'no angry customers: we are a B2B shop'),
      smile: a(5, undefined, ['one', 'two']),
    });
    const path = join(dir, 'answers.yaml');
    await writeAnswersFile(path, set, { order: ids });
    expect(comparable(await readBack(path))).toEqual(comparable(set));
  });

  it.each(HOSTILE_NOTES)('keeps the note %j exactly', async (note) => {
    const set = answerSet({ 'be-nice': a(3, note, [note]) }, { name: note, role: 'customer' });
    const path = join(dir, 'answers.yaml');
    await writeAnswersFile(path, set);
    expect(comparable(await readBack(path))).toEqual(comparable(set));
  });

  it('keeps any text in notes, evidence and respondent fields (property)', async () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\u0000'));
    const answer = fc.record({
      score: fc.constantFrom<Answer['score']>(1, 2, 3, 4, 5, 'na'),
      note: fc.option(text.filter((s) => s !== ''), { nil: undefined }),
      evidence: fc.array(text, { maxLength: 3 }),
    });
    const path = join(dir, 'prop.yaml');
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...ids), answer, { maxKeys: 5 }), text, async (answers, name) => {
        const set = answerSet(answers, { name, role: 'staff' });
        await writeAnswersFile(path, set, { order: ids });
        expect(comparable(await readBack(path))).toEqual(comparable(set));
      }),
      propertyRuns({ runs: 150 }),
    );
  });

  it('writes the rubric with its version, items in rubric order, and leaves unanswered items out', async () => {
    const set = answerSet({ smile: a(4), 'be-nice': a(3), listen: a(null), empathize: a(null, 'kept for later') });
    const text = formatAnswers(set, ids);
    expect(text).toContain(`rubric: service-commitments@${rubric.version}`);
    expect(text.indexOf('be-nice: 3')).toBeLessThan(text.indexOf('smile: 4'));
    expect(text).not.toContain('listen');
    // A skipped item that still has a note keeps it, under a blank score (read back as unanswered).
    expect(text).toMatch(/empathize:\n\s+score: null\n\s+note: kept for later/);
  });

  it('writes `answers: {}` and no respondent when there is nothing to write', async () => {
    const text = formatAnswers({ ...answerSet({}, {}), date: undefined });
    expect(text).toContain('answers: {}');
    expect(text).not.toMatch(/^respondent:/m);
    expect(text).not.toMatch(/^date:/m);
  });
});

describe('resuming: the file\'s own text is kept', () => {
  const RESUMED = `# Interview with Dana, 12 May (notes in the shared drive)
svcaudit: 1
kind: answers
rubric: service-commitments@${rubric.version}
x-interviewer: Sam   # our own field, for the client's tooling
respondent: {name: Dana, role: manager}
date: 2026-05-12
answers:
  # first visit
  be-nice: 4
  respond-quickly:
    score: 2
    note: Calls after 6pm ring out
    x-source: call log
  benefit-of-the-doubt: na # asked twice
`;

  it('keeps comments and x- keys, changes only what changed, and adds new answers in order', async () => {
    const set = answerSet(
      {
        'be-nice': a(4),
        'respond-quickly': a(3, 'Calls after 6pm ring out', ['Waited 14 min on hold']),
        'benefit-of-the-doubt': a('na'),
        'keep-your-cool': a(5),
        smile: a(null, 'come back to this'),
      },
      { name: 'Dana', role: 'manager' },
    );
    const text = formatAnswers({ ...set, date: '2026-05-12' }, ids, RESUMED);
    for (const kept of ['# Interview with Dana, 12 May', 'x-interviewer: Sam', "# our own field, for the client's tooling", '# first visit', 'x-source: call log', 'na # asked twice']) {
      expect(text).toContain(kept);
    }
    expect(text.indexOf('benefit-of-the-doubt')).toBeLessThan(text.indexOf('keep-your-cool: 5'));
    const path = join(dir, 'resumed.yaml');
    writeFileSync(path, text);
    expect(comparable(await readBack(path))).toEqual(comparable({ ...set, date: '2026-05-12' }));
  });

  it('removes an answer the session cleared, and leaves the text as it was when nothing changed', async () => {
    const unchanged = answerSet(
      { 'be-nice': a(4), 'respond-quickly': a(2, 'Calls after 6pm ring out'), 'benefit-of-the-doubt': a('na') },
      { name: 'Dana', role: 'manager' },
    );
    expect(formatAnswers({ ...unchanged, date: '2026-05-12' }, ids, RESUMED)).toBe(RESUMED);
    const cleared = answerSet({ 'be-nice': a(null), 'benefit-of-the-doubt': a('na') }, { name: 'Dana', role: 'manager' });
    const text = formatAnswers({ ...cleared, date: '2026-05-12' }, ids, RESUMED);
    expect(text).not.toContain('be-nice');
    expect(text).toContain('# first visit');
  });

  it('turns `answers: {}` into one answer per line', () => {
    const empty = 'svcaudit: 1\nkind: answers\nrubric: service-commitments\nanswers: {} # none yet\n';
    const text = formatAnswers({ ...answerSet({ 'be-nice': a(3) }, {}), rubricVersion: undefined, date: undefined }, ids, empty);
    expect(text).toMatch(/^answers:\n {2}be-nice: 3\n/m);
    expect(text).toContain('# none yet');
  });
});

describe('validate', () => {
  it('finds a written file clean, against the rubric it names', async () => {
    const path = join(dir, 'answers.yaml');
    await writeAnswersFile(path, answerSet({ 'be-nice': a(4, 'ok: "fine" # yes'), 'one-touch': a('na') }), { order: ids });
    const [result] = await validateFiles([path]);
    expect(result).toMatchObject({ kind: 'answers', findings: [] });
  });
});

describe('temporary files left by a killed writer', () => {
  it('removes those of processes no longer running, and nothing else', () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid!; // a pid that has exited
    const target = join(dir, 'answers.yaml');
    const names = [
      `.answers.yaml.${dead}.deadbeef.tmp`, // a dead writer's: removed
      `.answers.yaml.${process.pid}.cafebabe.tmp`, // a live writer's: kept
      `.other.yaml.${dead}.deadbeef.tmp`, // another file's: kept
      `.answers.yaml.${dead}.notes.tmp`, // not a name the writer makes: kept
      'answers.yaml',
    ];
    for (const name of names) writeFileSync(join(dir, name), 'x');
    removeStaleTemporaries(target);
    expect(readdirSync(dir).sort()).toEqual(names.slice(1).sort());
  });

  it('are cleared when an assess session starts on the same file', () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const target = join(dir, 'answers.yaml');
    writeFileSync(join(dir, `.answers.yaml.${dead}.0badf00d.tmp`), 'half a file');
    const ctx = { stdout: { write: () => true }, stderr: { write: () => true }, stdin: process.stdin, env: {}, cwd: dir } as unknown as CliContext;
    createAutosave({ path: target, shown: 'answers.yaml' }, answerSet({}), rubric, ctx);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('atomic write', () => {
  const OLD = 'svcaudit: 1\nkind: answers\nrubric: service-commitments\nanswers:\n  be-nice: 2\n';
  const set = answerSet({ 'be-nice': a(5, 'x'.repeat(10_000)) });

  /** The real fs with one call replaced. */
  function failing(name: keyof AtomicFs, fail: (...args: any[]) => unknown): AtomicFs {
    return { ...fs, [name]: fail } as AtomicFs;
  }

  const leftovers = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

  it('replaces the file and leaves no temporary file', async () => {
    const path = join(dir, 'answers.yaml');
    writeFileSync(path, OLD);
    await writeAnswersFile(path, set);
    expect(readFileSync(path, 'utf8')).toContain('score: 5');
    expect(readdirSync(dir)).toEqual(['answers.yaml']);
  });

  it('writes through a temporary file in the same folder, named .<name>.<pid>.<random>.tmp', async () => {
    const path = join(dir, 'answers.yaml');
    const opened: string[] = [];
    await writeAnswersFile(path, set, { fs: { ...fs, openSync: ((p: string, ...rest: any[]) => (opened.push(p), (fs.openSync as any)(p, ...rest))) as typeof fs.openSync } });
    expect(opened[0]).toMatch(new RegExp(`^${dir}/\\.answers\\.yaml\\.${process.pid}\\.[0-9a-f]+\\.tmp$`));
  });

  it.each([
    ['the disk fills up half-way through the data', 'writeSync', (fd: number, buf: Uint8Array) => {
      fs.writeSync(fd, buf, 0, 100);
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    }],
    ['fsync fails', 'fsyncSync', () => {
      throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
    }],
    ['the rename fails', 'renameSync', () => {
      throw Object.assign(new Error('EXDEV: cross-device link'), { code: 'EXDEV' });
    }],
  ] as const)('leaves the target unchanged and cleans up when %s', async (_, name, fail) => {
    const path = join(dir, 'answers.yaml');
    writeFileSync(path, OLD);
    await expect(writeAnswersFile(path, set, { fs: failing(name, fail) })).rejects.toThrow();
    expect(readFileSync(path, 'utf8')).toBe(OLD);
    expect(leftovers()).toEqual([]);
  });

  it('creates no file at all when the first write fails', async () => {
    const path = join(dir, 'new.yaml');
    await expect(writeAnswersFile(path, set, { fs: failing('writeSync', () => { throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }); }) })).rejects.toThrow();
    expect(existsSync(path)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('fails in a read-only folder and leaves the file there as it was', async () => {
    const path = join(dir, 'answers.yaml');
    writeFileSync(path, OLD);
    chmodSync(dir, 0o555);
    if (process.getuid?.() === 0) {
      // Root writes anywhere: the same write is made by a child that gives up root (to nobody) after
      // loading the built API, so that only the write itself can meet the folder's permissions.
      const child = `
        const { writeAnswersFile } = require(${JSON.stringify(join(REPO, 'dist/index.cjs'))});
        process.setgid(65534);
        process.setuid(65534);
        const set = { source: 'x', rubric: 'service-commitments', rubricVersion: undefined, respondent: {}, date: undefined,
          answers: new Map([['be-nice', { score: 5, note: 'x', evidence: [] }]]) };
        writeAnswersFile(process.argv[1], set).then(() => console.log('written'), (e) => console.log(e.code, e.path));`;
      const r = spawnSync(process.execPath, ['-e', child, path], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(new RegExp(`^(EACCES|EPERM) ${dir}/\\.answers\\.yaml\\.`));
    } else {
      await expect(writeAnswersFile(path, set)).rejects.toThrow(/EACCES|EPERM/);
    }
    expect(readFileSync(path, 'utf8')).toBe(OLD);
  });

  it('keeps the permissions of the file it replaces', async () => {
    const path = join(dir, 'answers.yaml');
    writeFileSync(path, OLD, { mode: 0o600 });
    chmodSync(path, 0o600);
    await writeAnswersFile(path, set);
    expect(fs.statSync(path).mode & 0o777).toBe(0o600);
  });
});
