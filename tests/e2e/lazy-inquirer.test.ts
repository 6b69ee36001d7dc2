/**
 * Start-up is a feature: inquirer is loaded by `svcaudit assess` in a
 * terminal and by nothing else, not even by `assess` without a terminal,
 * which stops before it; likewise the spreadsheet reader is loaded only when a
 * workbook is read. The module trace is bench/trace-loads.mjs; the built
 * chunks holding each come from dist/meta.json (esbuild's metafile).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunksHolding, inquirerChunks, listLoadedModules } from '../../bench/assess-startup.mjs';
import { HAS_TMUX } from '../helpers/tmux.js';

const HAS_SCRIPT = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'svcaudit-lazy-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('which commands load inquirer', () => {
  it('the build says which chunk holds inquirer', () => {
    expect(inquirerChunks().size).toBeGreaterThan(0);
  });

  it.each([
    ['--help'],
    ['validate', 'rubrics/service-commitments.yaml'],
    ['score', 'examples/self-audit.yaml'],
    ['template'],
    ['assess'], // no terminal here: it stops before loading inquirer
  ])('svcaudit %s does not', async (...args) => {
    const loaded = await listLoadedModules(args);
    // The trace did work: it saw the CLI itself.
    expect(loaded.urls.some((url) => url.endsWith('/dist/cli.cjs'))).toBe(true);
    expect(loaded.inquirerUrls).toEqual([]);
  });

  // In CI `.ci/run` installs tmux; `script` (util-linux) is on any Debian.
  it.skipIf(!HAS_SCRIPT && !HAS_TMUX && !process.env.CI)('svcaudit assess in a terminal does, by the time its first prompt shows', async () => {
    const loaded = await listLoadedModules(['assess', '--no-color', '--out', join(dir, 'a.yaml')], { tty: true, cwd: dir });
    expect(loaded.inquirer).toBe(true);
  });
});

describe('which report formats load the terminal tables and the HTML page', () => {
  // What `score --format json` (a CI job's format) need not load: the text report's tables and the HTML page.
  const heavy = () => chunksHolding((input) => input.endsWith('src/report/shared/text-table.ts') || input.endsWith('src/report/gap/html.ts'));

  it.each([
    [['score', 'examples/self-audit.yaml', '--format', 'json'], false],
    [['score', 'examples/self-audit.yaml', '--format', 'html'], true],
  ])('svcaudit %j: %s', async (args, loads) => {
    expect(heavy().size).toBeGreaterThan(0);
    const loaded = await listLoadedModules(args);
    expect(loaded.urls.some((url) => url.endsWith('/dist/cli.cjs'))).toBe(true);
    expect(loaded.urls.some((url) => heavy().has(basename(new URL(url).pathname)))).toBe(loads);
  });
});

describe('which inputs load the spreadsheet reader (yauzl and saxen)', () => {
  const reader = () => chunksHolding((input) => input.endsWith('src/inputs/survey/xlsx/read-xlsx.ts'));

  it('the build keeps the reader and its libraries in a chunk of their own', () => {
    expect(reader().size).toBe(1);
    const libraries = chunksHolding((input) => input.includes('node_modules/yauzl/') || input.includes('node_modules/saxen/'));
    expect([...libraries]).toEqual([...reader()]);
  });

  it.each([
    [['validate', 'rubrics/service-commitments.yaml'], false],
    [['score', 'examples/interviews.csv'], false],
    [['validate', 'tests/fixtures/exports/google-forms.csv', '--map', 'tests/fixtures/exports/google-forms.map.yaml'], false],
    [['validate', 'tests/fixtures/exports/microsoft-forms.xlsx', '--map', 'tests/fixtures/exports/microsoft-forms.map.yaml'], true],
  ])('svcaudit %j: %s', async (args, loads) => {
    const loaded = await listLoadedModules(args);
    expect(loaded.urls.some((url) => url.endsWith('/dist/cli.cjs'))).toBe(true);
    expect(loaded.urls.some((url) => reader().has(basename(new URL(url).pathname)))).toBe(loads);
  });
});
