/**
 * The words that start svcaudit again, read from how this run was started:
 * the script node ran, the package manager's environment, and whether the
 * `svcaudit` on PATH is that script. Real files in a temporary folder, so the
 * PATH lookup and symlinks (a global install's bin) are the real ones.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findOnPath, launchCommand, startedElsewhere } from '../../src/cli/assess/invocation.js';

const root = mkdtempSync(join(tmpdir(), 'svcaudit-invocation-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function file(path: string): string {
  const full = join(root, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, '#!/usr/bin/env node\n');
  chmodSync(full, 0o755);
  return full;
}

// A global install: the package in lib/node_modules, its bin linked from a folder on PATH.
const installed = file('global/lib/node_modules/svcaudit/bin/svcaudit.cjs');
mkdirSync(join(root, 'global/bin'), { recursive: true });
symlinkSync(installed, join(root, 'global/bin/svcaudit'));
// A project's local install, and a checkout of svcaudit itself.
const local = file('project/node_modules/svcaudit/bin/svcaudit.cjs');
mkdirSync(join(root, 'project/node_modules/.bin'), { recursive: true });
symlinkSync(local, join(root, 'project/node_modules/.bin/svcaudit'));
const checkout = file('checkout/bin/svcaudit.cjs');
const npxCache = file('home/.npm/_npx/4f1c/node_modules/svcaudit/bin/svcaudit.cjs');
mkdirSync(join(root, 'home/.npm/_npx/4f1c/node_modules/.bin'), { recursive: true });
symlinkSync(npxCache, join(root, 'home/.npm/_npx/4f1c/node_modules/.bin/svcaudit'));

const PATH = `${join(root, 'global/bin')}:/usr/bin`;

describe('the command that starts svcaudit again', () => {
  it.each([
    ['an installed svcaudit on PATH', join(root, 'global/bin/svcaudit'), {}, root, 'svcaudit'],
    ['npx, from the npx cache', join(root, 'home/.npm/_npx/4f1c/node_modules/.bin/svcaudit'), { npm_command: 'exec', npm_lifecycle_event: 'npx', npm_config_user_agent: 'npm/10.8.2 node/v20.19.0 linux x64' }, root, 'npx svcaudit'],
    ['npx, from the project', join(root, 'project/node_modules/.bin/svcaudit'), { npm_command: 'exec', npm_config_user_agent: 'npm/10.8.2 node/v20.19.0 linux x64' }, join(root, 'project'), 'npx svcaudit'],
    ['a package.json script', join(root, 'project/node_modules/.bin/svcaudit'), { npm_command: 'run-script', npm_lifecycle_event: 'audit' }, join(root, 'project'), 'npx svcaudit'],
    ['pnpm exec', join(root, 'project/node_modules/.bin/svcaudit'), { npm_command: 'exec', npm_config_user_agent: 'pnpm/9.12.0 npm/? node/v20.19.0 linux x64' }, join(root, 'project'), 'pnpm exec svcaudit'],
    ['pnpm dlx', join(root, 'project/node_modules/.bin/svcaudit'), { npm_command: 'dlx', npm_config_user_agent: 'pnpm/9.12.0 npm/? node/v20.19.0 linux x64' }, join(root, 'project'), 'pnpm dlx svcaudit'],
    ['yarn', join(root, 'project/node_modules/.bin/svcaudit'), { npm_config_user_agent: 'yarn/4.5.0 npm/? node/v20.19.0 linux x64' }, join(root, 'project'), 'yarn svcaudit'],
    ['a script of an older pnpm, known by npm_execpath alone', join(root, 'project/node_modules/.bin/svcaudit'), { npm_lifecycle_event: 'audit', npm_execpath: '/usr/lib/node_modules/pnpm/bin/pnpm.cjs' }, join(root, 'project'), 'pnpm exec svcaudit'],
    ['node and the checkout, from inside it', checkout, {}, join(root, 'checkout'), 'node bin/svcaudit.cjs'],
    ['node and the checkout, from elsewhere', checkout, {}, join(root, 'project'), `node ${checkout}`],
    ['the project bin run by its path, no package manager', join(root, 'project/node_modules/.bin/svcaudit'), {}, join(root, 'project'), 'node_modules/.bin/svcaudit'],
  ])('%s', (_, script, env, cwd, expected) => {
    expect(launchCommand({ script, env: { PATH, ...env }, cwd })).toBe(expected);
  });

  it('quotes a path with spaces', () => {
    const spaced = file('my tools/svcaudit/bin/svcaudit.cjs');
    expect(launchCommand({ script: spaced, env: { PATH }, cwd: join(root, 'project') })).toBe(`node '${spaced}'`);
    expect(launchCommand({ script: spaced, env: { PATH }, cwd: root })).toBe(`node 'my tools/svcaudit/bin/svcaudit.cjs'`);
  });

  it('is svcaudit when run in memory (no script)', () => {
    expect(launchCommand({ script: undefined, env: {}, cwd: root })).toBe('svcaudit');
  });

  it('does not take another svcaudit on PATH for this one', () => {
    expect(launchCommand({ script: checkout, env: { PATH }, cwd: join(root, 'checkout') })).toBe('node bin/svcaudit.cjs');
    expect(findOnPath('svcaudit', { PATH })).toBe(installed);
  });
});

describe('the folder the person typed in', () => {
  it('differs under a package.json script started in a subfolder (INIT_CWD)', () => {
    const project = join(root, 'project');
    const bin = join(project, 'node_modules/.bin/svcaudit');
    expect(startedElsewhere({ script: bin, env: { npm_command: 'run-script', INIT_CWD: join(project, 'audits') }, cwd: project })).toBe(true);
    expect(startedElsewhere({ script: bin, env: { npm_command: 'exec', INIT_CWD: project }, cwd: project })).toBe(false);
    expect(startedElsewhere({ script: bin, env: { INIT_CWD: '/elsewhere' }, cwd: project })).toBe(false);
    // A checkout started with node from a shell that an npm run left its variables in: not npm's doing.
    expect(startedElsewhere({ script: checkout, env: { npm_command: 'run-script', INIT_CWD: '/elsewhere' }, cwd: project })).toBe(false);
  });
});
