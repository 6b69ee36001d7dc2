/**
 * No dead exports: every name a module of src/ exports is used by another module (of src/, the
 * tests, the scripts or the benchmark), or by the public API in src/index.ts. A name only its own
 * module uses is not exported; one nobody uses is not written.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function files(dir: string, ending: RegExp): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ending.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

const modules = files('src', /\.ts$/).filter((f) => !f.startsWith('src/generated/') && f !== 'src/index.ts');
const readers = [...files('src', /\.ts$/), ...files('tests', /\.ts$/), ...files('scripts', /\.(ts|mjs|cjs)$/), ...files('bench', /\.(mjs|cjs|ts)$/)];
const texts = new Map(readers.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));

/** `module name` for each exported name no other file mentions. */
function deadExports(sources: ReadonlyMap<string, string>, candidates: readonly string[]): string[] {
  const dead: string[] = [];
  for (const file of candidates) {
    for (const match of sources.get(file)!.matchAll(/^export (?:async )?(?:function|const|class|interface|type|let|enum) (\w+)/gm)) {
      const name = new RegExp(`\\b${match[1]}\\b`);
      if (![...sources].some(([other, text]) => other !== file && name.test(text))) dead.push(`${file} ${match[1]}`);
    }
  }
  return dead;
}

describe('exports of src/', () => {
  it('has modules to check', () => {
    expect(modules.length).toBeGreaterThan(100);
  });

  it('exports only what another file uses', () => {
    expect(deadExports(texts, modules)).toEqual([]);
  });

  it('would see a dead export', () => {
    const planted = new Map([
      ['src/a.ts', 'export function used() {}\nexport const lonely = 1;\nexport interface Alone {}\n'],
      ['src/b.ts', "import { used } from './a.js';\n"],
    ]);
    expect(deadExports(planted, ['src/a.ts'])).toEqual(['src/a.ts lonely', 'src/a.ts Alone']);
  });
});

describe('exports that stay what they are', () => {
  // The build settles each chunk's exports into plain values once it has run (SETTLE_EXPORTS in
  // scripts/build.mjs): an exported `let` or `var` that changed later would not be seen.
  it('no module of src/ exports a let or a var', () => {
    const reassignable = modules.filter((file) => /^export (?:let|var) /m.test(texts.get(file)!));
    expect(reassignable).toEqual([]);
  });
});
