/**
 * The published package, as a user gets it: `npm pack`, install the tarball
 * into an empty folder, and run `npx svcaudit` there. Catches a missing file
 * in package.json's `files`, a dependency left in devDependencies, and a
 * built-in rubric found only from the repository.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
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
    expect(readdirSync(join(app, 'node_modules/svcaudit/schemas')).sort()).toEqual(['answers.schema.json', 'rubric.schema.json']);
  });

  it('scores the shipped example', () => {
    const r = npx(['score', 'node_modules/svcaudit/examples/self-audit.yaml', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).items).toHaveLength(13);
  });
});
