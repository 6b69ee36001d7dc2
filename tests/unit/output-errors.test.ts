/**
 * Why an output file could not be written, in words rather than an errno code or an internal error:
 * a temporary file removed by another program before the rename, a read-only file system, a link
 * loop. The file system is made to fail on purpose (node:fs mocked for this file only).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const failure = vi.hoisted(() => ({ rename: undefined as string | undefined, open: undefined as string | undefined }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const fail = (code: string) => {
    throw Object.assign(new Error(`${code}: failed on purpose`), { code });
  };
  return {
    ...real,
    renameSync: (...args: Parameters<typeof real.renameSync>) => (failure.rename ? fail(failure.rename) : real.renameSync(...args)),
    openSync: (...args: Parameters<typeof real.openSync>) => (failure.open && String(args[1]) === 'wx' ? fail(failure.open) : real.openSync(...args)),
  };
});

const { runInMemory } = await import('../helpers/in-memory-cli.js');

const dir = mkdtempSync(join(tmpdir(), 'svcaudit-output-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const answers = join(dir, 'a.yaml');
writeFileSync(answers, 'svcaudit: 1\nkind: answers\nrubric: service-commitments\nanswers:\n  be-nice: 4\n');

describe('--output errors said in words', () => {
  it.each([
    ['a vanished temporary file', { rename: 'ENOENT' }, 'its temporary file vanished before it could take the file\'s place (removed by another program?)'],
    ['a read-only file system', { open: 'EROFS' }, 'the file system is read-only'],
    ['a full disk', { open: 'ENOSPC' }, 'the disk is full'],
    ['a link loop', { open: 'ELOOP' }, 'the path goes through symbolic links that loop back on themselves'],
  ])('%s', async (_, fail, words) => {
    Object.assign(failure, { rename: undefined, open: undefined }, fail);
    const out = join(dir, 'report.json');
    writeFileSync(out, 'the old report');
    const run = await runInMemory(['score', answers, '--format', 'json', '--output', out]);
    Object.assign(failure, { rename: undefined, open: undefined });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`svcaudit: ${out}: Cannot write the output file: ${words}; an earlier file of that name is unchanged.\n`);
  });
});
