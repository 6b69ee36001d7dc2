/**
 * `npm run bench`: every figure is a ratio against a baseline measured in the
 * same run, on the same machine, so the numbers mean something anywhere.
 *
 *   1. start-up: `svcaudit validate` on the built-in rubric (with and without
 *      the V8 code caches) and `--help`
 *      against a bare `node -e ''`, and against ajv-cli validating the same
 *      file against the same schema;
 *   2. lazy loading: which commands load inquirer;
 *   3. scoring 10,000 answers files against parsing them with `yaml` alone;
 *   4. a survey CSV of 100,000 and 1,000,000 rows: time and peak memory;
 *   5. survey exports: the same 1,000,000 rows as a Google Forms CSV read through a mapping,
 *      against svcaudit's own CSV layout, and a 50,000-row .xlsx: time and peak memory;
 *   6. `compare` of two 100,000-row CSVs (the same respondents, paired), against scoring both.
 *
 * Options: --quick (fewer runs, smaller inputs), --only=startup,lazy,files,csv,exports,compare
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answersFolder, followUpCsv, googleFormsCsv, surveyCsv, surveyXlsx } from './data.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const wants = (part) => !only || only.includes(part);
const dataDir = join(root, '.bench');
const node = process.execPath;
const cli = join(root, 'bin/svcaudit.cjs');
const rubric = join(root, 'rubrics/service-commitments.yaml');

function run(args, { env = {}, allowFail = false } = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(node, args, { cwd: root, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && !allowFail) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { ms, result };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (ms) => `${ms.toFixed(1)} ms`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

/** Runs the commands in turns (not one after the other), so drift in machine load hits all alike. */
function interleaved(commands, runs) {
  const times = commands.map(() => []);
  for (let w = 0; w < 3; w++) commands.forEach((c) => run(c.args, c));
  for (let r = 0; r < runs; r++) commands.forEach((c, i) => times[i].push(run(c.args, c).ms));
  return times.map(median);
}

function startup() {
  const runs = quick ? 10 : 40;
  const ajvCli = join(root, 'node_modules/ajv-cli/dist/index.js');
  const commands = [
    { name: "node -e ''", args: ['-e', ''] },
    { name: 'svcaudit --help', args: [cli, '--help'] },
    { name: 'svcaudit validate <built-in rubric>', args: [cli, 'validate', rubric] },
    { name: 'the same, without the V8 code caches', args: [join(root, 'bench/without-code-cache.cjs'), 'validate', rubric] },
    // --all-errors: svcaudit's validators report every problem too (scripts/build.mjs), so both do the same work.
    { name: 'ajv-cli validate (same file, same schema, all errors)', args: [ajvCli, 'validate', '-s', join(root, 'schemas/rubric.schema.json'), '-d', rubric, '--spec=draft7', '--allow-union-types', '--all-errors'] },
  ];
  const times = interleaved(commands, runs);
  const [base, , validate, , ajv] = times;
  console.log(`\n## Start-up (median of ${runs} runs each, interleaved)\n`);
  console.log('| command | time | vs node -e \'\' |');
  console.log('| --- | --- | --- |');
  commands.forEach((c, i) => console.log(`| ${c.name} | ${fmt(times[i])} | ${ratio(times[i], base)} |`));
  console.log(`\nvalidate vs node -e '': ${ratio(validate, base)} (goal: at most 1.5×)`);
  console.log(`validate vs ajv-cli: ${ratio(ajv, validate)} faster in all; ${ratio(ajv - base, validate - base)} faster in the time each adds to Node's own start-up (goal: several times)`);
}

async function lazyLoading() {
  const { listLoadedModules, measureAssessFirstQuestion, measureBareNode } = await import('./assess-startup.mjs');
  console.log('\n## Lazy loading: which commands load inquirer\n');
  console.log('| command | loads inquirer |');
  console.log('| --- | --- |');
  for (const args of [['--help'], ['validate', rubric], ['score', 'examples/self-audit.yaml']]) {
    const { inquirer } = await listLoadedModules(args);
    console.log(`| svcaudit ${args.join(' ').replace(root, '')} | ${inquirer ? 'yes' : 'no'} |`);
  }
  const runs = quick ? 3 : 10;
  const bare = await measureBareNode({ runs });
  const firstQuestion = await measureAssessFirstQuestion({ runs });
  console.log(`\nsvcaudit assess, start to its first prompt on screen (pseudo-terminal): ${fmt(firstQuestion)}, ${ratio(firstQuestion, bare)} a bare Node printing one line there (${fmt(bare)})`);
}

function manyFiles() {
  const count = quick ? 1000 : 10000;
  const dir = answersFolder(dataDir, count);
  const runs = quick ? 2 : 5;
  const [yamlOnly, score] = interleaved(
    [
      { args: [join(root, 'bench/yaml-baseline.mjs'), dir] },
      { args: [cli, 'score', dir, '--format', 'json', '--output', '/dev/null'] },
    ],
    runs,
  );
  console.log(`\n## Scoring ${count.toLocaleString('en')} answers files (median of ${runs})\n`);
  console.log(`| run | time | vs yaml alone |\n| --- | --- | --- |`);
  console.log(`| parse every file with the yaml package alone | ${fmt(yamlOnly)} | 1.00× |`);
  console.log(`| svcaudit score (read, validate, score, JSON report) | ${fmt(score)} | ${ratio(score, yamlOnly)} |`);
  console.log(`\ngoal: at most 1.5× the yaml-alone parse`);
}

async function csv() {
  const sizes = quick ? [10000, 100000] : [100000, 1000000];
  const rssDir = mkdtempSync(join(tmpdir(), 'svcaudit-bench-'));
  const runs = 3;
  const rows = [];
  for (const size of sizes) {
    const file = await surveyCsv(dataDir, size);
    const rssFile = join(rssDir, `rss-${size}`);
    // The peak memory of the last run; the time is the median, and the scaling below is taken net of Node's own start.
    const times = Array.from({ length: runs }, () => run(['--import', join(root, 'bench/rss-on-exit.mjs'), cli, 'score', file, '--by', 'role', '--format', 'json', '--output', '/dev/null'], { env: { SVCAUDIT_RSS_FILE: rssFile } }).ms);
    rows.push({ size, ms: median(times), rssMiB: Number(readFileSync(rssFile, 'utf8').split(' ')[0]) / 1024 });
  }
  const base = median(Array.from({ length: runs }, () => run(['-e', '']).ms));
  rmSync(rssDir, { recursive: true, force: true });
  console.log(`\n## Survey CSV, streamed (score --by role --format json; median of ${runs})\n`);
  console.log('| rows | time | time per 100k rows | peak memory (RSS) |\n| --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.size.toLocaleString('en')} | ${fmt(r.ms)} | ${fmt((r.ms / r.size) * 100000)} | ${r.rssMiB.toFixed(0)} MiB |`);
  const [a, b] = rows;
  console.log(`\n${(b.size / a.size).toFixed(0)}× the rows took ${((b.ms - base) / (a.ms - base)).toFixed(1)}× the time net of node -e '' (${fmt(base)}; linear: ${(b.size / a.size).toFixed(0)}×); goal: peak memory under 200 MB`);
}

/** Median wall and CPU time, and the largest peak memory, of `svcaudit score ARGS`. */
function scoreRun(args, runs, rssDir, name) {
  const rssFile = join(rssDir, `rss-${name}`);
  const measured = Array.from({ length: runs }, () => {
    const { ms } = run(['--import', join(root, 'bench/rss-on-exit.mjs'), cli, 'score', ...args, '--by', 'role', '--format', 'json', '--output', '/dev/null'], { env: { SVCAUDIT_RSS_FILE: rssFile } });
    const [rss, cpu] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
    return { ms, cpuMs: cpu / 1000, rssMiB: rss / 1024 };
  });
  return { ms: median(measured.map((m) => m.ms)), cpuMs: median(measured.map((m) => m.cpuMs)), rssMiB: Math.max(...measured.map((m) => m.rssMiB)) };
}

async function exportsBench() {
  const rows = quick ? 100000 : 1000000;
  const xlsxRows = quick ? 5000 : 50000;
  const runs = quick ? 1 : 3;
  const rssDir = mkdtempSync(join(tmpdir(), 'svcaudit-bench-'));
  const own = await surveyCsv(dataDir, rows);
  const forms = await googleFormsCsv(dataDir, rows);
  const book = surveyXlsx(dataDir, xlsxRows);
  // Interleaved, so drift in machine load hits both alike.
  const ownRuns = [];
  const formsRuns = [];
  for (let r = 0; r < runs; r++) {
    ownRuns.push(scoreRun([own], 1, rssDir, 'own'));
    formsRuns.push(scoreRun([forms.file, '--map', forms.map], 1, rssDir, 'forms'));
  }
  const pick = (list) => ({ ms: median(list.map((x) => x.ms)), cpuMs: median(list.map((x) => x.cpuMs)), rssMiB: Math.max(...list.map((x) => x.rssMiB)) });
  const [a, b] = [pick(ownRuns), pick(formsRuns)];
  const x = scoreRun([book], runs, rssDir, 'xlsx');
  rmSync(rssDir, { recursive: true, force: true });
  console.log(`\n## Survey exports (score --by role --format json; median of ${runs})\n`);
  console.log('| input | rows | time | CPU time | peak memory (RSS) |\n| --- | --- | --- | --- | --- |');
  console.log(`| svcaudit's own CSV layout | ${rows.toLocaleString('en')} | ${fmt(a.ms)} | ${fmt(a.cpuMs)} | ${a.rssMiB.toFixed(0)} MiB |`);
  console.log(`| Google Forms CSV through a mapping (labels, timestamps) | ${rows.toLocaleString('en')} | ${fmt(b.ms)} | ${fmt(b.cpuMs)} | ${b.rssMiB.toFixed(0)} MiB |`);
  console.log(`| .xlsx, one sheet of shared strings | ${xlsxRows.toLocaleString('en')} | ${fmt(x.ms)} | ${fmt(x.cpuMs)} | ${x.rssMiB.toFixed(0)} MiB |`);
  console.log(`\nGoogle Forms through a mapping: ${ratio(b.ms, a.ms)} the time (${ratio(b.cpuMs, a.cpuMs)} the CPU time) of svcaudit's own layout (goal: at most 1.5×); peak memory ${b.rssMiB.toFixed(0)} MiB (goal: under 200 MB)`);
}

/**
 * `compare` reads and scores both sides as `score` does, then pairs the respondents and runs the
 * tests: measured against the two `score` runs it replaces, interleaved, with its peak memory.
 */
async function compare() {
  const rows = quick ? 10000 : 100000;
  const [before, after] = [await surveyCsv(dataDir, rows), await followUpCsv(dataDir, rows)];
  const runs = 3;
  const rssDir = mkdtempSync(join(tmpdir(), 'svcaudit-bench-'));
  const rssFile = join(rssDir, 'rss-compare');
  const times = { score: [], compare: [] };
  const peak = { score: 0, compare: 0 };
  for (let r = 0; r < runs; r++) {
    let both = 0;
    for (const file of [before, after]) {
      both += run(['--import', join(root, 'bench/rss-on-exit.mjs'), cli, 'score', file, '--format', 'json', '--output', '/dev/null'], { env: { SVCAUDIT_RSS_FILE: rssFile } }).ms;
      peak.score = Math.max(peak.score, Number(readFileSync(rssFile, 'utf8').split(' ')[0]));
    }
    times.score.push(both);
    times.compare.push(run(['--import', join(root, 'bench/rss-on-exit.mjs'), cli, 'compare', before, after, '--by', 'role', '--format', 'json', '--output', '/dev/null'], { env: { SVCAUDIT_RSS_FILE: rssFile } }).ms);
    peak.compare = Math.max(peak.compare, Number(readFileSync(rssFile, 'utf8').split(' ')[0]));
  }
  rmSync(rssDir, { recursive: true, force: true });
  const [score, compared] = [median(times.score), median(times.compare)];
  console.log(`\n## compare of two ${rows.toLocaleString('en')}-row CSVs (paired by name, --by role --format json; median of ${runs})\n`);
  console.log('| run | time | peak memory (RSS) |\n| --- | --- | --- |');
  console.log(`| score each CSV (two runs) | ${fmt(score)} | ${(peak.score / 1024).toFixed(0)} MiB (the larger run) |`);
  console.log(`| svcaudit compare | ${fmt(compared)}, ${ratio(compared, score)} the two scores | ${(peak.compare / 1024).toFixed(0)} MiB |`);
  console.log(`\ngoal: about the two scores' time (compare scores both sides, then pairs ${rows.toLocaleString('en')} respondents and tests every item), peak memory under 200 MB`);
}

console.log(`# svcaudit benchmark\n\nNode ${process.version}, ${process.platform}/${process.arch}${quick ? ', quick mode' : ''}`);
if (wants('startup')) startup();
if (wants('lazy')) await lazyLoading().catch((e) => console.log(`\n(lazy-loading check skipped: ${e.message})`));
if (wants('files')) manyFiles();
if (wants('csv')) await csv();
if (wants('exports')) await exportsBench();
if (wants('compare')) await compare();
