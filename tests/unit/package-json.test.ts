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
  dependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
  files: string[];
};

describe('package.json', () => {
  it('names the repository that rule help links point into, as the sources know it', () => {
    expect(pkg.repository.url).toBe('git+https://github.com/svcaudit/svcaudit.git');
    expect(REPOSITORY_URL).toBe(pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, ''));
  });

  it('has no runtime dependencies: the bundle holds every package it uses', () => {
    expect(pkg.dependencies).toBeUndefined();
    for (const name of ['commander', 'yaml', 'ajv', 'chalk', '@inquirer/core']) expect(pkg.devDependencies[name]).toBeDefined();
  });

  it('ships every image the README shows', () => {
    const readme = readFileSync(`${REPO}/README.md`, 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(pkg.files, image).toContain(image);
  });
});

describe('the README', () => {
  it('shows, as its GitHub Actions workflow, the one `svcaudit init` writes', async () => {
    const { WORKFLOW } = await import('../../src/report/init/project-files.js');
    const readme = readFileSync(`${REPO}/README.md`, 'utf8');
    expect(readme).toContain(`\`\`\`yaml\n${WORKFLOW}\`\`\`\n`);
  });

  it('has a GitLab CI job with the JUnit report', () => {
    const readme = readFileSync(`${REPO}/README.md`, 'utf8');
    expect(readme).toMatch(/# \.gitlab-ci\.yml\n[^`]*--format junit --output junit=svcaudit-junit\.xml[^`]*reports:\n\s+junit: svcaudit-junit\.xml/);
  });
});
