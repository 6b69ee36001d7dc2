/**
 * The published package, as a user gets it: `npm pack`, install the tarball
 * into an empty folder, and run `npx svcaudit` there. Catches a missing file
 * in package.json's `files`, a dependency left in devDependencies, and a
 * built-in rubric found only from the repository.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/run-cli.js';

let work: string;
let app: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'svcaudit-pack-'));
  app = join(work, 'app');
  // dist/ is already built by `npm test`; --ignore-scripts keeps pack from rebuilding it under other tests' feet.
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: REPO, stdio: 'pipe' });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
  execFileSync('mkdir', ['-p', app]);
  execFileSync('npm', ['init', '-y'], { cwd: app, stdio: 'pipe' });
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, tarball)], { cwd: app, stdio: 'pipe' });
}, 240_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function npx(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  return spawnSync('npx', ['--no-install', 'svcaudit', ...args], { cwd: app, env, encoding: 'utf8' });
}

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
    expect(readdirSync(join(app, 'node_modules/svcaudit/schemas')).sort()).toEqual(['answers.schema.json', 'comparison.schema.json', 'mapping.schema.json', 'rubric.schema.json']);
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
