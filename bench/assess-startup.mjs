/**
 * Start-up of `svcaudit assess`, and proof that only `assess` loads inquirer.
 *
 * - measureAssessFirstQuestion({ runs }): median wall time from spawning
 *   `node bin/svcaudit.cjs assess` in a real pseudo-terminal to its first
 *   prompt (the intro's `⏎ start`) on that terminal. Under `script -qfc` the terminal's
 *   output is read as a stream (no polling delay); without `script`, tmux is
 *   polled every 3 ms. measureBareNode({ runs }) is the same harness around
 *   a bare `node -e` that prints one line: the floor any Node CLI pays.
 * - listLoadedModules(args, { tty }): every module URL the process loads
 *   (bench/trace-loads.mjs), and whether one of them holds inquirer's code.
 *   The CLI is bundled, so the test is on the chunks: dist/meta.json (the
 *   esbuild metafile) says which chunks contain node_modules/@inquirer.
 *
 * Run alone: `node bench/assess-startup.mjs [runs]` (after `npm run build`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'bin/svcaudit.cjs');
/**
 * The first prompt on screen: the intro's `⏎ start` (drawn by inquirer, once the rubric is loaded and the
 * intro printed), or a first question's progress, `1/13 · `, whatever the rubric.
 */
const FIRST_QUESTION = /⏎ start|\b1\/\d+ · /;
const TIMEOUT_MS = 20_000;

const hasCommand = (command, args) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
// SVCAUDIT_BENCH_TERMINAL=tmux measures in tmux even where `script` exists.
const HAS_SCRIPT = process.env.SVCAUDIT_BENCH_TERMINAL !== 'tmux' && hasCommand('script', ['--version']);
const HAS_TMUX = hasCommand('tmux', ['-V']);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** What a child needs: no VITEST (src/cli/main.ts does nothing under it), no colour codes to match through. */
function childEnv(extra = {}) {
  const env = { ...process.env, NO_COLOR: '1', TERM: 'xterm-256color', ...extra };
  delete env.VITEST;
  delete env.FORCE_COLOR;
  delete env.TMUX;
  return env;
}

const shellQuote = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;

/**
 * Runs argv in a pseudo-terminal via `script`, resolves with the ms from spawn until `pattern` shows in the
 * terminal's output, then stops the process with Ctrl-C and waits for it to end.
 */
function timeInScript(argv, pattern, { cwd, env } = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', argv.map(shellQuote).join(' '), '/dev/null'], { cwd, env: childEnv(env), stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let seen = '';
    let elapsed;
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
      reject(new Error(`no ${pattern} within ${TIMEOUT_MS} ms; the terminal showed:\n${seen}`));
    }, TIMEOUT_MS);
    child.stdout.on('data', (chunk) => {
      if (elapsed !== undefined) return;
      seen += chunk.toString('utf8');
      if (pattern.test(seen)) {
        elapsed = Number(process.hrtime.bigint() - started) / 1e6;
        // Ctrl-C as a keystroke, the way a person stops assess; a little later, so the module trace is complete.
        setTimeout(() => child.stdin.write('\x03'), 50);
      }
    });
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      if (elapsed === undefined) reject(new Error(`the process ended before ${pattern} showed; the terminal showed:\n${seen}`));
      else resolve(elapsed);
    });
  });
}

/** The same in tmux, polling the screen every 3 ms: for machines without util-linux `script`. */
async function timeInTmux(argv, pattern, { cwd, env } = {}) {
  const socket = join(tmpdir(), `svcaudit-bench-${process.pid}.sock`);
  const tmux = (args) => spawnSync('tmux', ['-S', socket, '-f', '/dev/null', ...args], { encoding: 'utf8', env: childEnv(env) });
  const envs = Object.entries(env ?? {}).map(([k, v]) => `${k}=${shellQuote(v)}`).join(' ');
  const started = process.hrtime.bigint();
  tmux(['new-session', '-d', '-x', '140', '-y', '50', '-s', 'b', `cd ${shellQuote(cwd ?? root)} && env -u VITEST ${envs} ${argv.map(shellQuote).join(' ')}; sleep 60`]);
  try {
    for (;;) {
      if (pattern.test(tmux(['capture-pane', '-p', '-t', 'b']).stdout ?? '')) {
        const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
        await new Promise((r) => setTimeout(r, 50));
        tmux(['send-keys', '-t', 'b', 'C-c']);
        await new Promise((r) => setTimeout(r, 100));
        return elapsed;
      }
      if (Number(process.hrtime.bigint() - started) / 1e6 > TIMEOUT_MS) throw new Error(`no ${pattern} within ${TIMEOUT_MS} ms in tmux`);
      await new Promise((r) => setTimeout(r, 3));
    }
  } finally {
    tmux(['kill-server']);
    rmSync(socket, { force: true });
  }
}

function timeInTerminal(argv, pattern, options) {
  if (HAS_SCRIPT) return timeInScript(argv, pattern, options);
  if (HAS_TMUX) return timeInTmux(argv, pattern, options);
  throw new Error('neither `script` (util-linux) nor tmux is installed: no pseudo-terminal to measure in');
}

async function medianOf(runs, once) {
  await once(); // warm-up: disk cache, Node's compile cache
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await once());
  return median(times);
}

/** Median ms from spawning `svcaudit assess` in a pseudo-terminal to its first prompt on screen (the intro's `⏎ start`). */
export async function measureAssessFirstQuestion({ runs = 10 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'svcaudit-bench-assess-'));
  try {
    let n = 0;
    // A new --out each run: an existing file would stop assess before its first prompt.
    return await medianOf(runs, () => timeInTerminal([process.execPath, cli, 'assess', '--no-color', '--out', join(dir, `a${++n}.yaml`)], FIRST_QUESTION, { cwd: dir }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same harness around a bare Node process that prints one line: the floor for any Node CLI. */
export function measureBareNode({ runs = 10 } = {}) {
  return medianOf(runs, () => timeInTerminal([process.execPath, '-e', "process.stdout.write('1/1 · ready\\n')"], FIRST_QUESTION, {}));
}

/**
 * Both of the above in turns (bare Node, then assess, run after run), so that the machine's load
 * moves both alike: the medians of each, in ms.
 */
export async function measureAssessAgainstBareNode({ runs = 10 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'svcaudit-bench-assess-'));
  let n = 0;
  const bare = () => timeInTerminal([process.execPath, '-e', "process.stdout.write('1/1 · ready\\n')"], FIRST_QUESTION, {});
  const assess = () => timeInTerminal([process.execPath, cli, 'assess', '--no-color', '--out', join(dir, `a${++n}.yaml`)], FIRST_QUESTION, { cwd: dir });
  try {
    await bare();
    await assess();
    const times = { bare: [], assess: [] };
    for (let i = 0; i < runs; i++) {
      times.bare.push(await bare());
      times.assess.push(await assess());
    }
    return { bare: median(times.bare), assess: median(times.assess) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Basenames of the built chunks that contain inquirer's code, from the esbuild metafile. */
export function inquirerChunks() {
  return chunksHolding((input) => input.includes('node_modules/@inquirer/'));
}

/** Basenames of the built chunks holding any source file that `test` picks, from the esbuild metafile. */
export function chunksHolding(test) {
  const metaPath = join(root, 'dist/meta.json');
  if (!existsSync(metaPath)) throw new Error('dist/meta.json is missing: run `npm run build`');
  const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
  return new Set(
    Object.entries(meta.outputs)
      .filter(([, output]) => Object.keys(output.inputs).some(test))
      .map(([path]) => basename(path)),
  );
}

/**
 * Every module URL `svcaudit <args>` loads, and whether inquirer is among them. With `tty`, the command runs
 * in a pseudo-terminal until `until` shows (for `assess`, whose terminal check comes before inquirer loads).
 */
export async function listLoadedModules(args, { tty = false, until = FIRST_QUESTION, cwd = root } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'svcaudit-trace-'));
  const traceFile = join(dir, 'trace.txt');
  const argv = [process.execPath, '--import', pathToFileURL(join(root, 'bench/trace-loads.mjs')).href, cli, ...args];
  try {
    if (tty) {
      await timeInTerminal(argv, until, { cwd, env: { SVCAUDIT_TRACE_FILE: traceFile } });
    } else {
      spawnSync(argv[0], argv.slice(1), { cwd, env: childEnv({ SVCAUDIT_TRACE_FILE: traceFile }), stdio: 'ignore' });
    }
    const urls = existsSync(traceFile) ? readFileSync(traceFile, 'utf8').split('\n').filter(Boolean) : [];
    const chunks = inquirerChunks();
    const inquirerUrls = urls.filter((url) => url.includes('/node_modules/@inquirer/') || chunks.has(basename(new URL(url).pathname)));
    return { urls, inquirerUrls, inquirer: inquirerUrls.length > 0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const runs = Number(process.argv[2] ?? 10);
  const rubric = join(root, 'rubrics/service-commitments.yaml');
  for (const args of [['--help'], ['validate', rubric], ['score', 'examples/self-audit.yaml']]) {
    const { inquirer } = await listLoadedModules(args);
    console.log(`svcaudit ${args.join(' ').replace(root, '')}: ${inquirer ? 'LOADS inquirer' : 'no inquirer'}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'svcaudit-trace-assess-'));
  const assess = await listLoadedModules(['assess', '--no-color', '--out', join(dir, 'a.yaml')], { tty: true, cwd: dir });
  rmSync(dir, { recursive: true, force: true });
  console.log(`svcaudit assess: ${assess.inquirer ? 'loads inquirer' : 'NO inquirer?'} (${assess.inquirerUrls.map((u) => basename(u)).join(', ')})`);
  const bare = await measureBareNode({ runs });
  const first = await measureAssessFirstQuestion({ runs });
  console.log(`bare node, start to first line on the terminal: ${bare.toFixed(1)} ms (median of ${runs})`);
  console.log(`svcaudit assess, start to first prompt:          ${first.toFixed(1)} ms (median of ${runs}; ${(first / bare).toFixed(2)}× bare node)`);
}
