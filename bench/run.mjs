/**
 * `npm run bench`: every figure is a ratio against a floor measured in the same run, on the same
 * machine, interleaved with svcaudit (a run of each in turn, so drift in the machine's load hits
 * both alike), so the numbers mean something on a busy machine too. Each figure is the median
 * of at least five runs (`--quick`: three, of smaller inputs), wall time beside CPU time (user and
 * system, less moved by other work), and peak memory from the operating system's accounting
 * (/usr/bin/time's maximum resident set size; VmHWM through bench/rss-on-exit.mjs without it).
 *
 *   1. start-up: `validate`, `--help` and `score` of one answers file (text, markdown, html)
 *      against a bare `node -e ''`, and ajv-cli validating the same rubric;
 *   2. lazy loading: which commands load inquirer; `assess` to its first question on screen
 *      against a bare Node printing one line in the same pseudo-terminal;
 *   3. CSV rows in svcaudit's layout (100,000, 1,000,000, 3,000,000): `score` and
 *      `score --by role` (intervals and their covariance terms included) against a line reader
 *      (bench/floor-csv.mjs);
 *   4. survey exports: the same 1,000,000 rows as a Google Forms export read through a mapping,
 *      against a quote-aware split (bench/floor-quoted.mjs); a 50,000-row .xlsx;
 *   5. `compare` of two 100,000-row CSVs against the line reader over both;
 *   6. a folder of 100,000 answers files against a read-only pass over it (bench/floor-files.mjs);
 *   7. peak memory of the large inputs in every format: 1,000,000 rows, 100,000 files, 100,000
 *      distinct `--by` values, 100,000 quotes;
 *   8. the goals of the speed issue, each with its figure.
 *
 * Options: --quick (fewer runs, smaller inputs), --only=startup,lazy,csv,exports,compare,files,memory
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answersFolder, followUpCsv, googleFormsCsv, googleFormsQuotesCsv, surveyCsv, surveyXlsx } from './data.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const wants = (part) => !only || only.includes(part);
const dataDir = join(root, '.bench');
const node = process.execPath;
const cli = join(root, 'bin/svcaudit.cjs');
const rubric = join(root, 'rubrics/service-commitments.yaml');
const bench = (file) => join(root, 'bench', file);
const RUNS = quick ? 3 : 5;
const MiB = 1024;
const scratch = mkdtempSync(join(tmpdir(), 'svcaudit-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/** GNU time: the child's own peak RSS (KiB) and CPU times, from wait4's accounting. */
const TIME = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', node, '-e', ''], { encoding: 'utf8' }).status === 0 ? '/usr/bin/time' : undefined;

/**
 * One run of `node ARGS`: wall time (ms), CPU time (ms), peak memory (KiB). Through /usr/bin/time
 * when there is one, else with bench/rss-on-exit.mjs preloaded (the same accounting, read by the
 * process itself as it exits).
 */
function measure(args, { env = {}, allowFail = false } = {}) {
  const out = join(scratch, 'usage');
  rmSync(out, { force: true });
  const argv = TIME ? [TIME, ['-f', '%M %U %S', '-o', out, node, ...args]] : [node, ['--import', bench('rss-on-exit.mjs'), ...args]];
  const start = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv[1], { cwd: root, env: { ...process.env, NO_COLOR: '1', SVCAUDIT_RSS_FILE: out, ...env }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && !allowFail) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const fields = readFileSync(out, 'utf8').trim().split(/\s+/).slice(-3).map(Number);
  if (TIME) return { ms, cpuMs: (fields[1] + fields[2]) * 1000, rssKiB: fields[0] };
  return { ms, cpuMs: fields[1] / 1000, rssKiB: fields[0] };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Each command `runs` times, in turns; per command the median wall and CPU time and the largest peak memory. */
function interleaved(commands, runs = RUNS, warmups = 1) {
  const seen = commands.map(() => []);
  for (let w = 0; w < warmups; w++) for (const c of commands) measure(c.args, c);
  for (let r = 0; r < runs; r++) commands.forEach((c, i) => seen[i].push(measure(c.args, c)));
  return seen.map((list) => ({ ms: median(list.map((m) => m.ms)), cpuMs: median(list.map((m) => m.cpuMs)), rssKiB: Math.max(...list.map((m) => m.rssKiB)) }));
}

const fmt = (ms) => (ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const mib = (kib) => `${(kib / MiB).toFixed(0)} MiB`;
const x = (a, b) => `${(a / b).toFixed(2)}×`;
const rows = (n) => n.toLocaleString('en');
const table = (head, lines) => [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...lines.map((l) => `| ${l.join(' | ')} |`)].join('\n');

/** The goals, each with its figure, printed last (section 8). */
const goals = [];
const goal = (what, figure, met) => goals.push([what, figure, met === undefined ? '' : met ? 'met' : '**not met**']);

const score = (...args) => [cli, 'score', ...args];

function startup() {
  const runs = quick ? 10 : 30;
  const ajvCli = join(root, 'node_modules/ajv-cli/dist/index.js');
  const self = 'examples/self-audit.yaml';
  const commands = [
    { name: "node -e ''", args: ['-e', ''] },
    { name: 'svcaudit --help', args: [cli, '--help'] },
    { name: 'svcaudit validate <built-in rubric>', args: [cli, 'validate', rubric] },
    { name: 'the same, without the V8 code caches', args: [bench('without-code-cache.cjs'), 'validate', rubric] },
    { name: `svcaudit score ${self}`, args: score(self) },
    { name: `svcaudit score ${self} --format markdown`, args: score(self, '--format', 'markdown') },
    { name: `svcaudit score ${self} --format html`, args: score(self, '--format', 'html') },
    // --all-errors: svcaudit's validators report every problem too (scripts/build.mjs), so both do the same work.
    { name: 'ajv-cli validate (same file, same schema, all errors)', args: [ajvCli, 'validate', '-s', join(root, 'schemas/rubric.schema.json'), '-d', rubric, '--spec=draft7', '--allow-union-types', '--all-errors'] },
  ];
  const times = interleaved(commands, runs, 3);
  const [base, , validate, , text, markdown, html, ajv] = times;
  console.log(`\n## 1. Start-up (median of ${runs} runs each, interleaved)\n`);
  console.log(table(['command', 'time', "vs node -e ''", 'CPU time', "CPU vs node -e ''"], commands.map((c, i) => [c.name, fmt(times[i].ms), x(times[i].ms, base.ms), fmt(times[i].cpuMs), x(times[i].cpuMs, base.cpuMs)])));
  console.log(`\nvalidate vs ajv-cli: ${x(ajv.ms, validate.ms)} faster in all; ${x(ajv.ms - base.ms, validate.ms - base.ms)} faster in the time each adds to Node's own start-up`);
  goal("`validate` start-up within 1.5× a bare `node -e ''`", x(validate.ms, base.ms), validate.ms <= 1.5 * base.ms);
  for (const [format, t] of [['text', text], ['markdown', markdown], ['html', html]]) {
    goal(`\`score\` of one answers file, ${format}, within 1.5× a bare \`node -e ''\``, x(t.ms, base.ms), t.ms <= 1.5 * base.ms);
  }
}

async function lazyLoading() {
  const { listLoadedModules, measureAssessAgainstBareNode } = await import('./assess-startup.mjs');
  console.log('\n## 2. Lazy loading: which commands load inquirer\n');
  const lines = [];
  for (const args of [['--help'], ['validate', rubric], ['score', 'examples/self-audit.yaml']]) {
    const { inquirer } = await listLoadedModules(args);
    lines.push([`svcaudit ${args.join(' ').replace(root, '')}`, inquirer ? 'yes' : 'no']);
  }
  console.log(table(['command', 'loads inquirer'], lines));
  const runs = quick ? 5 : 15;
  // In turns, like every other figure here: a run of bare Node, then one of assess.
  const { bare, assess: firstQuestion } = await measureAssessAgainstBareNode({ runs });
  console.log(`\nsvcaudit assess, start to first question on screen (pseudo-terminal): ${fmt(firstQuestion)}, ${x(firstQuestion, bare)} a bare Node printing one line there (${fmt(bare)})`);
  goal('`assess` first question on screen within 1.5× a bare Node printing one line', x(firstQuestion, bare), firstQuestion <= 1.5 * bare);
}

/** svcaudit's figure against its floor's, in the cells of one line: time, ratio, CPU, ratio, peak memory. */
const against = (label, s, f) => [label, fmt(s.ms), x(s.ms, f.ms), fmt(s.cpuMs), x(s.cpuMs, f.cpuMs), mib(s.rssKiB)];
const HEAD = ['run', 'time', 'vs floor', 'CPU time', 'CPU vs floor', 'peak memory'];

async function csvScale() {
  const sizes = quick ? [10000, 100000] : [100000, 1000000, 3000000];
  console.log(`\n## 3. CSV rows in svcaudit's layout (--format json to /dev/null; median of ${RUNS}, interleaved)\n`);
  console.log('The floor: bench/floor-csv.mjs, a line reader (readline, split on commas, Number(), a sum per column).\n');
  const lines = [];
  for (const size of sizes) {
    const file = await surveyCsv(dataDir, size);
    const [floor, plain, byRole] = interleaved([
      { args: [bench('floor-csv.mjs'), file] },
      { args: score(file, '--format', 'json', '--output', '/dev/null') },
      { args: score(file, '--by', 'role', '--format', 'json', '--output', '/dev/null') },
    ]);
    lines.push([`floor, ${rows(size)} rows`, fmt(floor.ms), '1.00×', fmt(floor.cpuMs), '1.00×', mib(floor.rssKiB)]);
    lines.push(against(`score, ${rows(size)} rows`, plain, floor));
    lines.push(against(`score --by role, ${rows(size)} rows`, byRole, floor));
    if (size === 1000000) {
      goal('`score` of 1,000,000 CSV rows within 2× the line-reader floor', `${x(plain.ms, floor.ms)} (CPU ${x(plain.cpuMs, floor.cpuMs)})`, plain.ms <= 2 * floor.ms);
      goal('`score --by role` of 1,000,000 CSV rows within 2× the line-reader floor', `${x(byRole.ms, floor.ms)} (CPU ${x(byRole.cpuMs, floor.cpuMs)})`, byRole.ms <= 2 * floor.ms);
      goal('1,000,000 CSV rows with intervals streamed under 200 MB (issue 12)', mib(Math.max(plain.rssKiB, byRole.rssKiB)), Math.max(plain.rssKiB, byRole.rssKiB) * 1024 < 200e6);
    }
  }
  console.log(table(HEAD, lines));
}

async function exportsBench() {
  const size = quick ? 100000 : 1000000;
  const xlsxRows = quick ? 5000 : 50000;
  const forms = await googleFormsCsv(dataDir, size);
  const own = await surveyCsv(dataDir, size);
  const book = surveyXlsx(dataDir, xlsxRows);
  // The same rows in svcaudit's own layout, beside the export: the survey-export issue holds the
  // export to 1.5× of them.
  const [floor, formsScore, ownScore] = interleaved([
    { args: [bench('floor-quoted.mjs'), forms.file] },
    { args: score(forms.file, '--map', forms.map, '--by', 'role', '--format', 'json', '--output', '/dev/null') },
    { args: score(own, '--by', 'role', '--format', 'json', '--output', '/dev/null') },
  ]);
  const [xlsx] = interleaved([{ args: score(book, '--by', 'role', '--format', 'json', '--output', '/dev/null') }]);
  console.log(`\n## 4. Survey exports (--by role --format json; median of ${RUNS}, interleaved)\n`);
  console.log('The floor: bench/floor-quoted.mjs, a quote-aware split of each line, the agreement labels looked up, a sum per column.\n');
  console.log(table(HEAD, [
    [`floor, ${rows(size)} rows`, fmt(floor.ms), '1.00×', fmt(floor.cpuMs), '1.00×', mib(floor.rssKiB)],
    against(`Google Forms export through a mapping, ${rows(size)} rows`, formsScore, floor),
    against(`the same rows in svcaudit's CSV layout`, ownScore, floor),
    [`.xlsx, one sheet of shared strings, ${rows(xlsxRows)} rows`, fmt(xlsx.ms), '', fmt(xlsx.cpuMs), '', mib(xlsx.rssKiB)],
  ]));
  if (!quick) goal('A Google Forms export of 1,000,000 rows through a mapping within 1.5× the same rows in svcaudit\'s layout (issue 11)', x(formsScore.ms, ownScore.ms), formsScore.ms <= 1.5 * ownScore.ms);
  if (!quick) goal('A Google Forms export of 1,000,000 rows through a mapping under 200 MB (issue 11)', mib(formsScore.rssKiB), formsScore.rssKiB * 1024 < 200e6);
  if (!quick) goal('A Google Forms export of 1,000,000 rows through a mapping within 2× its quote-aware floor', `${x(formsScore.ms, floor.ms)} (CPU ${x(formsScore.cpuMs, floor.cpuMs)})`, formsScore.ms <= 2 * floor.ms);
}

async function compare() {
  const size = quick ? 10000 : 100000;
  const [before, after] = [await surveyCsv(dataDir, size), await followUpCsv(dataDir, size)];
  const [floor, compared] = interleaved([
    { args: [bench('floor-csv.mjs'), before, after] },
    { args: [cli, 'compare', before, after, '--by', 'role', '--format', 'json', '--output', '/dev/null'] },
  ]);
  console.log(`\n## 5. compare of two ${rows(size)}-row CSVs (paired by name, --by role --format json; median of ${RUNS}, interleaved)\n`);
  console.log('The floor: the line reader over both files.\n');
  console.log(table(HEAD, [[`floor, both files`, fmt(floor.ms), '1.00×', fmt(floor.cpuMs), '1.00×', mib(floor.rssKiB)], against('svcaudit compare', compared, floor)]));
  if (!quick) goal('`compare` of two 100,000-row CSVs within 2× its floor', `${x(compared.ms, floor.ms)} (CPU ${x(compared.cpuMs, floor.cpuMs)})`, compared.ms <= 2 * floor.ms);
}

function files() {
  const count = quick ? 10000 : 100000;
  const dir = answersFolder(dataDir, count);
  const [floor, scored] = interleaved([
    { args: [bench('floor-files.mjs'), dir] },
    { args: score(dir, '--format', 'json', '--output', '/dev/null') },
  ]);
  console.log(`\n## 6. A folder of ${rows(count)} answers files (--format json; median of ${RUNS}, interleaved)\n`);
  console.log('The floor: bench/floor-files.mjs, a read-only pass over the same files.\n');
  console.log(table(HEAD, [[`floor, ${rows(count)} files`, fmt(floor.ms), '1.00×', fmt(floor.cpuMs), '1.00×', mib(floor.rssKiB)], against('svcaudit score (read, check, score, JSON report)', scored, floor)]));
}

const FORMATS = ['json', 'text', 'markdown', 'html', 'csv'];

async function memory() {
  const size = quick ? 100000 : 1000000;
  const many = quick ? 10000 : 100000;
  const quotes = await googleFormsQuotesCsv(dataDir, many);
  const inputs = [
    { name: `${rows(size)} CSV rows, --by role`, args: [await surveyCsv(dataDir, size), '--by', 'role'] },
    { name: `${rows(many)} answers files`, args: [answersFolder(dataDir, many)] },
    { name: `${rows(many)} distinct --by values (--by name --many-groups)`, args: [await surveyCsv(dataDir, many), '--by', 'name', '--many-groups'] },
    { name: `${rows(many)} quotes (a Google Forms export, a comment per row)`, args: [quotes.file, '--map', quotes.map] },
  ];
  const runs = quick ? 1 : 3;
  console.log(`\n## 7. Peak memory of large inputs, every format (the largest of ${runs} runs; the report to a file)\n`);
  const lines = [];
  let worst = 0;
  for (const input of inputs) {
    const peaks = interleaved(FORMATS.map((format) => ({ args: score(...input.args, '--format', format, '--output', join(scratch, `report.${format}`)) })), runs, 0);
    const top = Math.max(...peaks.map((p) => p.rssKiB));
    worst = Math.max(worst, top);
    lines.push([input.name, ...peaks.map((p) => `${mib(p.rssKiB)} (${fmt(p.ms)})`)]);
    goal(`${input.name} under 150 MiB peak, whatever the format`, mib(top), top < 150 * MiB);
  }
  console.log(table(['input', ...FORMATS], lines));
}

console.log(`# svcaudit benchmark\n\nNode ${process.version}, ${process.platform}/${process.arch}${quick ? ', quick mode' : ''}; peak memory from ${TIME ? '/usr/bin/time' : 'VmHWM (bench/rss-on-exit.mjs)'}`);
if (wants('startup')) startup();
if (wants('lazy')) await lazyLoading().catch((e) => console.log(`\n(lazy-loading check skipped: ${e.message})`));
if (wants('csv')) await csvScale();
if (wants('exports')) await exportsBench();
if (wants('compare')) await compare();
if (wants('files')) files();
if (wants('memory')) await memory();
if (goals.length > 0) {
  console.log('\n## 8. The goals\n');
  console.log(table(['goal', 'figure', ''], goals));
}
