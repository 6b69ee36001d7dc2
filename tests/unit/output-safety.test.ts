/**
 * `--output` never destroys data: it refuses to write onto an input of the same run (by any name:
 * a symbolic or hard link is the same file), it replaces a file atomically (a failed write leaves
 * the old report whole), and it writes through a symbolic link to the file the link names.
 */
import { linkSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as nodeFs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic, type AtomicFs } from '../../src/core/io/atomic-write.js';
import { runInMemory } from '../helpers/in-memory-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'svcaudit-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ANSWERS = 'svcaudit: 1\nkind: answers\nrubric: service-commitments\nanswers:\n  be-nice: 4\n';

function answersFile(name: string): string {
  const path = join(dir, name);
  writeFileSync(path, ANSWERS);
  return path;
}

describe('--output onto an input of the same run', () => {
  it.each([
    ['the answers file', (a: string) => ({ args: ['score', a, '--format', 'json', '--output', a], victim: a })],
    ['a symbolic link to the answers file', (a: string) => {
      const link = join(dir, `link-${Math.random()}.yaml`);
      symlinkSync(a, link);
      return { args: ['score', a, '--format', 'json', '--output', link], victim: a };
    }],
    ['a hard link to the answers file', (a: string) => {
      const link = join(dir, `hard-${Math.random()}.json`);
      linkSync(a, link);
      return { args: ['score', a, '--format', 'json', '--output', link], victim: a };
    }],
    ['the rubric', (a: string) => {
      const rubric = join(dir, `rubric-${Math.random()}.yaml`);
      writeFileSync(rubric, readFileSync(new URL('../../rubrics/service-commitments.yaml', import.meta.url)));
      return { args: ['score', a, '--rubric', rubric, '--output', rubric], victim: rubric };
    }],
    ['a compare input', (a: string) => ({ args: ['compare', a, a, '--output', a], victim: a })],
    ['an answers file inside an input folder', (a: string) => {
      const folder = join(dir, `folder-${Math.random()}`);
      mkdirSync(folder);
      const inner = join(folder, 'one.yaml');
      writeFileSync(inner, ANSWERS);
      void a;
      return { args: ['score', folder, '--output', inner], victim: inner };
    }],
    ['a validate input', (a: string) => ({ args: ['validate', a, '--format', 'json', '--output', a], victim: a })],
  ])('is refused for %s (exit 2, naming both), and the input is kept', async (_, setup) => {
    const a = answersFile(`a-${Math.random()}.yaml`);
    const { args, victim } = setup(a);
    const before = readFileSync(victim, 'utf8');
    const run = await runInMemory(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--output .+ is the input .+ of this run/);
    expect(readFileSync(victim, 'utf8')).toBe(before);
  });

  it('is allowed onto another file, and replaces it', async () => {
    const a = answersFile('ok.yaml');
    const out = join(dir, 'report.json');
    writeFileSync(out, 'old');
    const run = await runInMemory(['score', a, '--format', 'json', '--output', out]);
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('items');
  });
});

describe('atomic output', () => {
  it('a failed write (a full disk) leaves the old report whole and no temporary file', () => {
    const out = join(dir, 'kept.json');
    writeFileSync(out, 'the old report');
    const full: AtomicFs = {
      ...nodeFs,
      writeSync: () => {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    };
    expect(() => writeFileAtomic(out, 'new', full)).toThrow(/ENOSPC/);
    expect(readFileSync(out, 'utf8')).toBe('the old report');
    expect(nodeFs.readdirSync(dir).filter((n) => n.startsWith('.kept.json.'))).toEqual([]);
  });

  it('--output into a read-only place says so in words', async () => {
    const a = answersFile('ro.yaml');
    const run = await runInMemory(['score', a, '--output', '/proc/svcaudit-report.txt']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/svcaudit: \/proc\/svcaudit-report\.txt: Cannot write the output file: /);
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('writes through a symbolic link to the file it names, keeping the link', () => {
    const real = join(dir, 'real.yaml');
    const link = join(dir, 'via-link.yaml');
    writeFileSync(real, 'old');
    symlinkSync(real, link);
    writeFileAtomic(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(readFileSync(real, 'utf8')).toBe('new');
  });
});

describe('output onto a device', () => {
  it('writes into /dev/null rather than renaming a file over it', () => {
    writeFileAtomic('/dev/null', 'report');
    expect(nodeFs.statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});
