/**
 * The shape of src/ (docs/architecture.md): imports flow one way,
 * cli → app → inputs / report → scoring / compare → rubric → core, every folder may use core/,
 * and core/ uses nothing of ours. Only cli/ knows commander, inquirer and chalk. This reads the
 * import graph (static and dynamic imports) and fails on any import against the flow, so the
 * shape cannot rot one convenient import at a time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');

/**
 * What each top-level folder may import besides itself. `generated` is the build's output (the ajv
 * validators, the rule examples of `svcaudit rules`), which imports nothing but types.
 */
const ALLOWED: Record<string, readonly string[]> = {
  core: ['generated'],
  generated: [],
  rubric: ['core', 'generated'],
  scoring: ['rubric', 'core'],
  compare: ['scoring', 'rubric', 'core'],
  inputs: ['compare', 'scoring', 'rubric', 'core', 'generated'],
  report: ['compare', 'scoring', 'rubric', 'core'],
  app: ['inputs', 'report', 'compare', 'scoring', 'rubric', 'core', 'generated'],
  cli: ['app', 'inputs', 'report', 'compare', 'scoring', 'rubric', 'core'],
  'index.ts': ['app', 'inputs', 'report', 'compare', 'scoring', 'rubric', 'core'],
};

const CLI_ONLY_PACKAGES = /^(commander|@commander-js\/|@inquirer\/|chalk$)/;
const CLI_ONLY_EXCEPTIONS: Record<string, RegExp> = {};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

interface Edge {
  readonly from: string;
  readonly specifier: string;
}

function importsOf(file: string): Edge[] {
  const text = readFileSync(file, 'utf8');
  const from = relative(SRC, file);
  const edges: Edge[] = [];
  for (const match of text.matchAll(/(?:^|[\s;])(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
    edges.push({ from, specifier: (match[1] ?? match[2])! });
  }
  return edges;
}

const folderOf = (path: string) => path.split('/')[0]!;

const edges = sourceFiles(SRC).flatMap(importsOf);

/** The edges that run against the flow, as `from → to`. */
function againstTheFlow(list: readonly Edge[]): string[] {
  return list
    .filter((e) => e.specifier.startsWith('.'))
    .map((e) => ({ ...e, to: relative(SRC, normalize(join(SRC, dirname(e.from), e.specifier))) }))
    .filter((e) => {
      const [a, b] = [folderOf(e.from), folderOf(e.to)];
      return a !== b && !(ALLOWED[a] ?? []).includes(b);
    })
    .map((e) => `${e.from} → ${e.to}`);
}

describe('the import graph of src/', () => {
  it('has edges to check (the reader works)', () => {
    expect(edges.length).toBeGreaterThan(200);
    expect(edges.some((e) => e.from === 'cli/main.ts' && e.specifier === './program.js')).toBe(true);
    expect(edges.some((e) => e.from.startsWith('report/gap/') && e.specifier.startsWith('./') && e.specifier.includes('html'))).toBe(true);
  });

  it('flows one way: no folder imports a folder above it', () => {
    expect(againstTheFlow(edges)).toEqual([]);
  });

  it('would see an import against the flow', () => {
    const planted: Edge[] = [
      { from: 'core/finding.ts', specifier: '../rubric/model.js' },
      { from: 'scoring/tally.ts', specifier: '../inputs/registry.js' },
      { from: 'app/score.ts', specifier: '../cli/context.js' },
      { from: 'report/gap/text.ts', specifier: '../../app/score.js' },
      { from: 'cli/main.ts', specifier: '../app/score.js' },
    ];
    expect(againstTheFlow(planted)).toEqual([
      'core/finding.ts → rubric/model.js',
      'scoring/tally.ts → inputs/registry.js',
      'app/score.ts → cli/context.js',
      'report/gap/text.ts → app/score.js',
    ]);
  });

  it('knows every folder it finds', () => {
    const folders = new Set(sourceFiles(SRC).map((f) => folderOf(relative(SRC, f))));
    expect([...folders].filter((f) => !(f in ALLOWED))).toEqual([]);
  });

  it('leaves commander, inquirer and chalk to cli/', () => {
    const outside = edges
      .filter((e) => CLI_ONLY_PACKAGES.test(e.specifier) && folderOf(e.from) !== 'cli')
      .filter((e) => !(CLI_ONLY_EXCEPTIONS[e.specifier]?.test(e.from) ?? false))
      .map((e) => `${e.from} imports ${e.specifier}`);
    expect(outside).toEqual([]);
  });
});
