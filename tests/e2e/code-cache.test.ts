/**
 * The V8 code caches the build leaves in dist/code-cache (bin/code-cache.cjs):
 * a run starts from them, a cache is used only for the exact source it was
 * made from, and output is the same with or without them. A command's pack (its chunks as one
 * script) runs a chunk only while the chunk's file holds the source the pack was made from.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/run-cli.js';

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stats: { used: string[]; compiled: string[]; packed: string[] };
}

/** Runs svcaudit from the package folder `root`, reporting which dist/ files came from a cache. */
function run(root: string, args: readonly string[]): Run {
  const script = `
    const { useCodeCache } = require(${JSON.stringify(join(root, 'bin/code-cache.cjs'))});
    const stats = useCodeCache(${JSON.stringify(join(root, 'dist'))}, ${JSON.stringify(args)});
    process.on('exit', () => require('node:fs').writeSync(2, '\\n@@' + JSON.stringify(stats)));
    process.argv = [process.argv[0], 'svcaudit', ...${JSON.stringify(args)}];
    require(${JSON.stringify(join(root, 'dist/cli.cjs'))}).main();`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const [, stats] = r.stderr.split('\n@@');
  return { status: r.status, stdout: r.stdout, stats: JSON.parse(stats!) };
}

// Node 22 and later use their own compile cache, and the build makes none.
const NODE_HAS_COMPILE_CACHE = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';

describe.skipIf(NODE_HAS_COMPILE_CACHE)('V8 code caches of the bundle', () => {
  let copy: string;
  beforeAll(() => {
    if (!existsSync(join(REPO, 'dist/code-cache/cli.cjs.bin'))) throw new Error('run `npm run build` before the end-to-end tests');
    // A copy of the package to edit: the built-in rubric and package.json come along for the commands that need them.
    copy = mkdtempSync(join(tmpdir(), 'svcaudit-code-cache-'));
    for (const part of ['bin', 'dist', 'rubrics', 'package.json']) cpSync(join(REPO, part), join(copy, part), { recursive: true });
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('a validate run takes every file it loads from a cache', () => {
    const r = run(REPO, ['validate', 'rubrics/service-commitments.yaml']);
    expect(r.status).toBe(0);
    expect(r.stats.compiled).toEqual([]);
    expect([...r.stats.used, ...r.stats.packed]).toContain('cli.cjs');
    expect([...r.stats.used, ...r.stats.packed].some((file) => file.startsWith('chunks/validate-'))).toBe(true);
  });

  it('a score run of one answers file runs every file from its pack (score-html here), and compiles nothing', () => {
    const r = run(REPO, ['score', 'examples/self-audit.yaml', '--format', 'html']);
    expect(r.status).toBe(0);
    expect(r.stats.compiled).toEqual([]);
    expect(r.stats.used).toEqual([]);
    expect(r.stats.packed).toContain('cli.cjs');
    expect(r.stats.packed.some((file) => file.startsWith('chunks/score-'))).toBe(true);
    expect(r.stats.packed.some((file) => file.startsWith('chunks/html-'))).toBe(true);
  });

  it('runs cli.cjs edited on disk from its file, not from the pack, even at the same length', () => {
    const cli = join(copy, 'dist/cli.cjs');
    const before = readFileSync(cli, 'utf8');
    expect(before).toContain('score answers files and print the gap report');
    writeFileSync(cli, before.replace('score answers files and print the gap report', 'SCORE ANSWERS files and print the gap report'));
    try {
      const r = run(copy, ['score', '--help']);
      expect(r.stdout).toContain('SCORE ANSWERS files');
      expect(r.stats.compiled).toContain('cli.cjs');
      expect(r.stats.packed).not.toContain('cli.cjs');
    } finally {
      writeFileSync(cli, before);
    }
  });

  it('keeps every pack ASCII: one other character would hold the whole pack\'s source in two bytes a character', () => {
    const packs = join(REPO, 'dist/code-cache/packs');
    const names = readdirSync(packs);
    expect(names).toEqual(expect.arrayContaining(['score.bin', 'score-html.bin', 'score-markdown.bin', 'validate.bin', 'compare.bin']));
    for (const name of names) {
      const bytes = readFileSync(join(packs, name));
      const source = bytes.subarray(4, 4 + bytes.readUInt32LE(0));
      const wide = source.findIndex((byte) => byte > 0x7f);
      expect(wide, `${name}: ${source.subarray(Math.max(0, wide - 60), wide + 10).toString('utf8')}`).toBe(-1);
    }
  });

  it('runs an edited chunk from its file, not from the pack, even at the same length', () => {
    const packed = run(copy, ['score', 'examples/self-audit.yaml']);
    const chunk = packed.stats.packed.map((file) => join(copy, 'dist', file)).find((file) => readFileSync(file, 'utf8').includes('Start here'));
    expect(chunk).toBeDefined();
    const before = readFileSync(chunk!, 'utf8');
    writeFileSync(chunk!, before.replace('Start here', 'START HERE'));
    try {
      const r = run(copy, ['score', 'examples/self-audit.yaml']);
      expect(packed.stdout).toContain('Start here');
      expect(r.stdout).toContain('START HERE');
      const name = chunk!.slice(join(copy, 'dist').length + 1);
      expect(r.stats.packed).not.toContain(name);
      expect(r.stats.compiled).toContain(name);
      expect(r.stats.packed.length).toBe(packed.stats.packed.length - 1);
    } finally {
      writeFileSync(chunk!, before);
    }
  });

  it('gives the same output with the caches as without them', () => {
    const commands = [['--help'], ['validate', 'examples/interviews', 'examples/interviews.csv'], ['score', 'examples/interviews', '--by', 'role', '--format', 'markdown'], ['score', 'examples/self-audit.yaml', '--format', 'html'], ['compare', 'examples/interviews', 'examples/follow-up']];
    const cached = commands.map((args) => run(copy, args));
    rmSync(join(copy, 'dist/code-cache'), { recursive: true });
    const compiled = commands.map((args) => run(copy, args));
    cpSync(join(REPO, 'dist/code-cache'), join(copy, 'dist/code-cache'), { recursive: true });
    commands.forEach((_, i) => {
      expect([...cached[i]!.stats.used, ...cached[i]!.stats.packed].length).toBeGreaterThan(0);
      expect(compiled[i]!.stats.used).toEqual([]);
      expect(compiled[i]!.stats.packed).toEqual([]);
      expect(cached[i]!.status).toBe(compiled[i]!.status);
      expect(cached[i]!.stdout).toBe(compiled[i]!.stdout);
    });
  });

  it('uses a cache only for the source it was made from, even one of the same length', () => {
    const cli = join(copy, 'dist/cli.cjs');
    const before = readFileSync(cli, 'utf8');
    const edited = before.replace('Audit customer-service quality', 'Audit CUSTOMER-service quality');
    expect(edited).not.toBe(before);
    expect(edited.length).toBe(before.length); // V8 alone would take the old cache for this source
    writeFileSync(cli, edited);
    try {
      const r = run(copy, ['--help']);
      expect(r.stdout).toContain('Audit CUSTOMER-service quality');
      expect(r.stats.compiled).toContain('cli.cjs');
    } finally {
      writeFileSync(cli, before);
    }
  });

  it('compiles as usual when V8 refuses a cache (made by another Node, or damaged)', () => {
    const file = join(copy, 'dist/code-cache/cli.cjs.bin');
    const good = readFileSync(file);
    const damaged = Buffer.from(good);
    const payload = 4 + damaged.readUInt32LE(0);
    for (let i = payload; i < payload + 16; i++) damaged[i] = damaged[i]! ^ 0xff;
    writeFileSync(file, damaged);
    try {
      const r = run(copy, ['--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('Audit customer-service quality');
      expect(r.stats.compiled).toContain('cli.cjs');
    } finally {
      writeFileSync(file, good);
    }
  });
});
