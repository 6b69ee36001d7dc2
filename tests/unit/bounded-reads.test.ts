/**
 * Every read is bounded while it runs (docs/file-formats.md, "Limits"): a device or a FIFO named as
 * an input is refused before it is opened, a file is read no further than one byte past its limit,
 * and stdin stops once it passes its own. Errors name the file and say why in words.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readBytes, readStream } from '../../src/core/io/read-input.js';
import { MAX_TEXT_BYTES } from '../../src/core/io/decode-text.js';
import { runInMemory } from '../helpers/in-memory-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'svcaudit-reads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('devices and pipes', () => {
  it.each(['/dev/zero', '/dev/urandom'])('%s is refused at once, not read forever', async (device) => {
    await expect(readBytes(device)).rejects.toMatchObject({ code: 'file-unreadable', message: expect.stringContaining('a device, not a file') });
    const run = await runInMemory(['validate', device]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`svcaudit: ${device}: This is a device, not a file`);
  });

  it('a FIFO with no writer is refused instead of blocking forever', async () => {
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    await expect(readBytes(fifo)).rejects.toMatchObject({ message: expect.stringContaining('a named pipe (FIFO)') });
    const csv = join(dir, 'pipe.csv');
    execFileSync('mkfifo', [csv]);
    const run = await runInMemory(['score', csv]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('a named pipe (FIFO), not a file');
  });

  it('a symbolic link that loops is said in words, not as ELOOP', async () => {
    const loop = join(dir, 'loop.yaml');
    symlinkSync(loop, loop);
    const run = await runInMemory(['validate', loop]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('symbolic links that loop back on themselves');
    expect(run.stderr).not.toMatch(/ELOOP|internal error/);
  });
});

describe('limits checked while reading', () => {
  it('a YAML file over 2 MB is read only one byte past the limit, and is one finding', async () => {
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `svcaudit: 1\nkind: answers\n# ${'x'.repeat(5_000_000)}\n`);
    const bytes = await readBytes(big, undefined, MAX_TEXT_BYTES);
    expect(bytes.byteLength).toBe(MAX_TEXT_BYTES + 1);
    const run = await runInMemory(['validate', big]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('larger than 2 MB');
    const score = await runInMemory(['score', big]);
    expect(score.code).toBe(2);
  });

  it('an endless stdin stops once it passes its limit', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 65_536;
        this.push(Buffer.alloc(65_536, 0x61));
      },
    });
    await expect(readStream(endless, 1_000_000)).rejects.toMatchObject({ code: 'file-unreadable', message: expect.stringContaining('stdin holds more than') });
    expect(produced).toBeLessThan(2_000_000);
  });
});
