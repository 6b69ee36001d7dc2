/**
 * The published package, as a user gets it: `npm pack`, install the tarball
 * into an empty folder with `--ignore-scripts` (the bundle needs no install
 * step), and run every command with `npx svcaudit` there. Catches a missing
 * file in package.json's `files`, a module the bundle does not hold (the
 * package has no runtime dependencies), and a built-in rubric found only from
 * the repository.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/run-cli.js';

let work: string;
let app: string;
let installed: { stdout: string; stderr: string };

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'svcaudit-pack-'));
  app = join(work, 'app');
  // dist/ is already built by `npm test`; --ignore-scripts keeps pack from rebuilding it under other tests' feet.
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: REPO, stdio: 'pipe' });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
  mkdirSync(app, { recursive: true });
  execFileSync('npm', ['init', '-y'], { cwd: app, stdio: 'pipe' });
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', join(work, tarball)], { cwd: app, encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`npm install failed: ${install.stderr}`);
  installed = { stdout: install.stdout, stderr: install.stderr };
}, 240_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function npx(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  return spawnSync('npx', ['--no-install', 'svcaudit', ...args], { cwd: app, env, encoding: 'utf8' });
}

describe('the installed package', () => {
  it('installed without a warning, and with nothing but itself: it has no runtime dependencies', () => {
    expect(installed.stderr).toBe('');
    expect(installed.stdout).toMatch(/added 1 package/);
    expect(readdirSync(join(app, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['svcaudit']);
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules/svcaudit/package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.dependencies).toBeUndefined();
  });

  it('ships the images of its README and the schemas of every file kind', () => {
    const readme = readFileSync(join(app, 'node_modules/svcaudit/README.md'), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(existsSync(join(app, 'node_modules/svcaudit', image)), image).toBe(true);
    expect(readdirSync(join(app, 'node_modules/svcaudit/schemas')).sort()).toEqual(['answers.schema.json', 'comparison.schema.json', 'config.schema.json', 'mapping.schema.json', 'rubric.schema.json']);
  });

  it('its prepare script does nothing where the tool is built (as installed)', () => {
    const r = spawnSync('npm', ['run', 'prepare'], { cwd: join(app, 'node_modules/svcaudit'), encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(existsSync(join(app, 'node_modules/svcaudit/scripts'))).toBe(false);
  });
});

describe('every command of the packed package', () => {
  const pkg = 'node_modules/svcaudit';
  it.each<[string, string[], number, (stdout: string) => void]>([
    ['help', ['help', 'score'], 0, (out) => expect(out).toContain('Usage: svcaudit score')],
    ['validate', ['validate', `${pkg}/rubrics`, `${pkg}/examples`, '--format', 'json'], 0, (out) => expect(JSON.parse(out).svcaudit).toBe(1)],
    ['score', ['score', `${pkg}/examples/interviews`, '--by', 'role', '--format', 'markdown'], 0, (out) => expect(out).toMatch(/^# /)],
    ['compare', ['compare', `${pkg}/examples/interviews`, `${pkg}/examples/follow-up`, '--format', 'json'], 0, (out) => expect(JSON.parse(out).kind).toBe('comparison')],
    ['template', ['template', '--format', 'csv'], 0, (out) => expect(out).toContain('be-nice')],
    ['rubrics', ['rubrics'], 0, (out) => expect(out).toContain('service-commitments')],
    ['rubric show', ['rubric', 'show', 'service-commitments'], 0, (out) => expect(out).toContain('one-touch')],
    ['rules', ['rules'], 0, (out) => expect(out).toContain('yaml-syntax')],
    ['rules RULE', ['rules', 'yaml-syntax'], 0, (out) => expect(out).toContain('**Passing example**')],
    // No terminal here: assess says so and exits 2, as in CI.
    ['assess', ['assess'], 2, (out) => expect(out).toBe('')],
  ])('%s', (_, args, code, check) => {
    const r = npx(args);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+|Warning:/);
    expect(r.status).toBe(code);
    check(r.stdout);
  });

  it('init, then validate and score as its workflow does', () => {
    const project = join(work, 'project');
    mkdirSync(join(project, '.git'), { recursive: true });
    const run = (args: string[]) => spawnSync(process.execPath, [join(app, 'node_modules/svcaudit/bin/svcaudit.cjs'), ...args], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run(['init']).status).toBe(0);
    expect(run(['validate', '.', '--format', 'github', '--format', 'sarif', '--output', 'sarif=svcaudit.sarif']).status).toBe(0);
    expect(JSON.parse(readFileSync(join(project, 'svcaudit.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(run(['score', 'audits/', '--fail-under', '60']).status).toBe(1);
  });
});

describe('the packed package', () => {
  it('runs `npx svcaudit --help` from an empty folder', () => {
    const r = npx(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: svcaudit');
    expect(r.stdout).toContain('validate');
  });

  it('ships the built-in rubric and the schemas, and validates the rubric', () => {
    const show = npx(['rubric', 'show', 'service-commitments']);
    expect(show.status).toBe(0);
    expect(show.stdout).toContain('one-touch');
    const validate = npx(['validate', 'node_modules/svcaudit/rubrics/service-commitments.yaml', 'node_modules/svcaudit/examples/']);
    expect(validate.status).toBe(0);
    expect(readdirSync(join(app, 'node_modules/svcaudit/schemas')).sort()).toEqual(['answers.schema.json', 'comparison.schema.json', 'config.schema.json', 'mapping.schema.json', 'rubric.schema.json']);
  });

  it('scores the shipped example', () => {
    const r = npx(['score', 'node_modules/svcaudit/examples/self-audit.yaml', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).items).toHaveLength(13);
  });
});

/** A consumer of the public API, as a user writes one: ESM, strict, NodeNext, the package's own types. */
const CONSUMER = `import { compare, loadFormat, loadRubric, plainStyle, readAnswers, score, validate, type Report, type Outcome } from 'svcaudit';

const examples = 'node_modules/svcaudit/examples';
const { rubric, warnings } = await loadRubric();
const read = await readAnswers([\`\${examples}/interviews\`], rubric);
const scored = await score([\`\${examples}/self-audit.yaml\`], rubric, { failUnder: 99 });
const report: Report = scored.report;
const outcome: Outcome = scored.outcome;
const compared = await compare(\`\${examples}/interviews\`, \`\${examples}/follow-up\`, { rubric });
const checked = await validate([\`\${examples}/interviews.csv\`, 'node_modules/svcaudit/rubrics']);
const markdown = await loadFormat('report', 'markdown');
const sarif = await loadFormat('findings', 'sarif');
const json = await loadFormat('comparison', 'json');
console.log(JSON.stringify({
  rubric: rubric.id,
  warnings: warnings.length,
  answerSets: read.answerSets.length,
  findings: read.findings.length,
  overall: report.overall.index !== null,
  outcome,
  reasons: scored.reasons.length,
  comparedItems: compared.comparison.items.length,
  validated: checked.results.length,
  validateOutcome: checked.outcome,
  markdown: markdown(report, { style: plainStyle, width: 100, date: '2026-01-01' }).startsWith('# '),
  sarif: JSON.parse(sarif(checked.results, { style: plainStyle, toolVersion: '0', maxWarnings: undefined })).version,
  comparison: JSON.parse(json(compared.comparison, { style: plainStyle, width: 100 })).rubric.id,
}));
`;

describe('the public API from the packed package', () => {
  it('type-checks a consumer against the shipped types (strict, NodeNext, no skipLibCheck)', () => {
    writeFileSync(join(app, 'consumer.mts'), CONSUMER);
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
      // A Node project has Node's types; the consumer borrows ours rather than installing them.
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, exactOptionalPropertyTypes: true, noEmit: true, skipLibCheck: false, typeRoots: [join(REPO, 'node_modules/@types')], types: ['node'] },
      files: ['consumer.mts'],
    }));
    const tsc = spawnSync(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', app], { cwd: app, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('imports each function of the API and calls it', () => {
    // The same consumer, its type annotations taken out, run by Node as an ES module.
    const js = CONSUMER.replace(/, type Report, type Outcome/, '').replace(/: (Report|Outcome) =/g, ' =');
    writeFileSync(join(app, 'consumer.mjs'), js);
    const r = spawnSync(process.execPath, ['consumer.mjs'], { cwd: app, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      rubric: 'service-commitments',
      warnings: 0,
      answerSets: 10,
      findings: 0,
      overall: true,
      outcome: 'below-threshold',
      reasons: 1,
      comparedItems: 13,
      validated: 2,
      validateOutcome: 'ok',
      markdown: true,
      sarif: '2.1.0',
      comparison: 'service-commitments',
    });
  });
});
