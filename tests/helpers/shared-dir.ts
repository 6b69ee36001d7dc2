/**
 * `../shared/` beside the project: reference material the project may read
 * but not commit (the official SARIF schema). A clone made from a local
 * checkout (`git clone . /tmp/x/c`) has no `../shared/` of its own, so it is
 * also looked for beside the checkout the clone came from; SVCAUDIT_SHARED_DIR,
 * when set, names the folder outright.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { REPO } from './run-cli.js';

export function sharedDir(): string {
  const given = process.env.SVCAUDIT_SHARED_DIR;
  const candidates = [...(given ? [given] : []), join(REPO, '..', 'shared')];
  const origin = gitOrigin();
  if (origin !== undefined && isAbsolute(origin)) candidates.push(join(origin, '..', 'shared'));
  const found = candidates.find((dir) => existsSync(join(dir, 'schemas')));
  if (found === undefined) throw new Error(`the shared reference folder is missing: looked in ${candidates.join(' and ')}`);
  return found;
}

function gitOrigin(): string | undefined {
  try {
    return execFileSync('git', ['-C', REPO, 'config', '--get', 'remote.origin.url'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().replace(/^file:\/\//, '');
  } catch {
    return undefined; // not a git checkout, or no origin
  }
}
