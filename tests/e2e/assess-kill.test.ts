/**
 * A process killed while it saves (SIGKILL: no handler, no clean-up) must
 * leave either no file or a whole, valid answers file, never a torn one.
 * First the built writer, saving in a tight loop, killed at random moments;
 * a plain writeFileSync in the same loop shows that the check does catch torn
 * files. Then the real `assess` binary, killed mid-session in a terminal.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerSet } from '../../src/core/answers.js';
import { formatAnswers } from '../../src/inputs/answers-yaml/write-answers.js';
import { readAnswersFile, scoresOf } from '../helpers/answers-file.js';
import { REPO } from '../helpers/run-cli.js';
import { SKIP_TMUX, sleep, TmuxServer } from '../helpers/tmux.js';

const FIXTURES = join(REPO, 'tests/fixtures/assess');
const SAVE_LOOP = join(FIXTURES, 'save-loop.mjs');
const ITERATIONS = Number(process.env.SVCAUDIT_KILL_ITERATIONS ?? 100);

interface RawSet {
  respondent: Record<string, string>;
  date: string;
  answers: Record<string, { score: number | 'na'; note?: string; evidence?: string[] }>;
}

/** The two files the loop alternates between, as the writer formats them. */
function expectedTexts(target: string): string[] {
  const data = JSON.parse(readFileSync(join(FIXTURES, 'kill-sets.json'), 'utf8')) as Record<'small' | 'big', RawSet>;
  return [data.small, data.big].map((s) => {
    const set: AnswerSet = {
      source: target,
      rubric: 'service-commitments',
      rubricVersion: '2.0.0',
      respondent: s.respondent,
      date: s.date,
      answers: new Map(Object.entries(s.answers).map(([id, a]) => [id, { score: a.score, note: a.note, evidence: a.evidence ?? [] }])),
    };
    return formatAnswers(set);
  });
}

/** Starts the loop, lets it save for a random 1-30 ms after it is ready, and kills it with SIGKILL. */
function killWhileSaving(target: string, mode: 'atomic' | 'naive'): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SAVE_LOOP, target, mode, api], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.once('data', () => {
      setTimeout(() => child.kill('SIGKILL'), 1 + Math.floor(Math.random() * 30));
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`the save loop ended by itself (code ${code}): ${stderr}`));
    });
  });
}

type Outcome = 'absent' | 'whole' | 'torn';

function inspect(target: string, texts: readonly string[]): Outcome {
  if (!existsSync(target)) return 'absent';
  return texts.includes(readFileSync(target, 'utf8')) ? 'whole' : 'torn';
}

let dir: string;
let builtCopy: string;
let api: string;
beforeAll(() => {
  if (!existsSync(join(REPO, 'dist/index.cjs'))) throw new Error('run `npm run build` before the end-to-end tests');
  // A copy of the build (it is self-contained): a rebuild of dist/ while the loop runs cannot break it.
  builtCopy = mkdtempSync(join(tmpdir(), 'svcaudit-kill-dist-'));
  cpSync(join(REPO, 'dist'), builtCopy, { recursive: true });
  api = pathToFileURL(join(builtCopy, 'index.cjs')).href;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
afterAll(() => rmSync(builtCopy, { recursive: true, force: true }));

describe('SIGKILL while saving', () => {
  it(`leaves no file or a whole, valid answers file, over ${ITERATIONS} kills`, async () => {
    dir = mkdtempSync(join(tmpdir(), 'svcaudit-kill-'));
    const target = join(dir, 'answers.yaml');
    const texts = expectedTexts(target);
    const outcomes: Record<Outcome, number> = { absent: 0, whole: 0, torn: 0 };
    for (let i = 0; i < ITERATIONS; i++) {
      await killWhileSaving(target, 'atomic');
      const outcome = inspect(target, texts);
      outcomes[outcome]++;
      if (outcome === 'torn') throw new Error(`kill ${i + 1}: a torn file:\n${readFileSync(target, 'utf8').slice(0, 500)}`);
      if (outcome === 'whole' && i % 10 === 0) {
        // Whole means byte for byte one of the two files; now and then also read it the way `score` does.
        expect((await readAnswersFile(target)).findings).toEqual([]);
      }
    }
    expect(outcomes.torn).toBe(0);
    expect(outcomes.whole).toBeGreaterThan(ITERATIONS / 2); // the kills did land while saving, not only before
    // A kill between creating and renaming the temporary file leaves it behind: hidden, never read, and
    // removed by the next assess session on the file (removeStaleTemporaries).
    expect(readdirSync(dir).filter((f) => !f.startsWith('.'))).toEqual(['answers.yaml']);
    // A hundred processes started and killed: about 30 s on a quiet machine, several times that on a busy one.
  }, 240_000);

  it('catches a torn file when the writer is not atomic (the control)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'svcaudit-kill-naive-'));
    const target = join(dir, 'answers.yaml');
    const texts = expectedTexts(target);
    let torn = 0;
    let kills = 0;
    for (let i = 0; i < 100 && torn === 0; i++) {
      await killWhileSaving(target, 'naive');
      if (inspect(target, texts) === 'torn') torn++;
      kills = i + 1;
    }
    expect(torn, `no torn file in ${kills} kills of a plain writeFileSync loop`).toBeGreaterThan(0);
  });
});

describe.skipIf(SKIP_TMUX)('SIGKILL of `svcaudit assess` mid-session', () => {
  let server: TmuxServer;
  beforeAll(() => {
    server = new TmuxServer();
  });
  afterAll(() => server.kill());

  it('leaves no file or a valid answers file holding the answers given so far', async () => {
    let withAnswers = 0;
    for (let round = 0; round < 5; round++) {
      dir = mkdtempSync(join(tmpdir(), 'svcaudit-kill-assess-'));
      const target = join(dir, 'answers.yaml');
      const pane = server.start(dir, ['assess', '--no-color', '--out', 'answers.yaml']);
      const pid = await pane.pid();
      await pane.waitFor('⏎ start');
      pane.keys('Enter');
      await pane.waitFor(' 1/13 · ');
      // Keys as fast as tmux sends them (score 3 at once, no note), and a kill at a random moment in the middle.
      const typing = (async () => {
        for (let n = 0; n < 13; n++) {
          pane.keys('3', 'Enter');
          await sleep(5);
        }
      })();
      await sleep(20 + Math.random() * 200);
      process.kill(pid, 'SIGKILL');
      await typing;
      await pane.exitCode();
      if (existsSync(target)) {
        const { set, findings } = await readAnswersFile(target);
        expect(findings).toEqual([]);
        expect(Object.values(scoresOf(set!)).every((s) => s === 3)).toBe(true);
        if (set!.answers.size > 0) withAnswers++;
      }
      server.tmux(['kill-session', '-t', pane.name]);
      rmSync(dir, { recursive: true, force: true });
    }
    // The kills did land mid-session, after saves, not all before the first answer.
    expect(withAnswers).toBeGreaterThan(0);
  });
});
