/**
 * What package.json promises the published package: the repository the rule help links point
 * into, no runtime dependencies (the bundle holds them), and the files the README and the
 * editors' schemas need. The tarball itself is installed and run in tests/e2e/package.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_URL } from '../../src/core/version.js';
import { REPO } from '../helpers/run-cli.js';

const pkg = JSON.parse(readFileSync(`${REPO}/package.json`, 'utf8')) as {
  repository: { url: string };
};

describe('package.json', () => {
  it('names the repository that rule help links point into, as the sources know it', () => {
    expect(pkg.repository.url).toBe('git+https://github.com/svcaudit/svcaudit.git');
    expect(REPOSITORY_URL).toBe(pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, ''));
  });
});
