/**
 * The examples of every rule of `svcaudit validate`: the files in tests/fixtures/rules/<rule>/
 * (the failing and the passing example, and any file they need), with the findings `validate`
 * really reports on each failing example. docs/rules.md is rendered from them
 * (src/report/rules/rules-page.ts), and the build bundles them for `svcaudit rules`
 * (scripts/build.mjs), so the page and the command cannot drift from the code or each other:
 * tests/unit/rules-doc.test.ts fails when either is out of date.
 *
 * Run from the test (vitest reads TypeScript), from scripts/rules-doc.mjs (`npm run docs:rules`)
 * or from the build, both of which bundle this file with esbuild.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, validateFiles, type RuleId } from '../src/index.js';
import { rulesPage, type RuleExample, type ShownFile } from '../src/report/rules/rules-page.js';

export const RULES_DOC = 'docs/rules.md';
const FIXTURES = 'tests/fixtures/rules';

/**
 * `--rubric` for the examples that need one, as a user would type it. A path is
 * relative to the rule's example folder. Every other example is checked the way
 * `svcaudit validate <file>` checks it: answers files against the rubric they
 * name, CSV files against the built-in `service-commitments`.
 */
const RUBRIC_FLAG: Partial<Record<RuleId, { fail?: string; pass?: string }>> = {
  // The failing answers name another rubric; checked against the built-in one, they do not match it.
  'answers-rubric-mismatch': { fail: 'service-commitments', pass: 'service-commitments' },
  // The rubric the answers name is not built in: given as a file, the same answers pass.
  'answers-unknown-rubric': { pass: 'in-house-rubric.yaml' },
};

/** docs/rules.md as the code and the examples make it today. */
export async function renderRulesDoc(root: string): Promise<string> {
  return rulesPage(await collectRuleExamples(root));
}

export async function collectRuleExamples(root: string): Promise<RuleExample[]> {
  return Promise.all((Object.keys(RULES) as RuleId[]).map((rule) => collectRule(root, rule)));
}

async function collectRule(root: string, rule: RuleId): Promise<RuleExample> {
  const folder = join(root, FIXTURES, rule);
  const files = readdirSync(folder).sort();
  const failing = files.filter((f) => /^fail(-.+)?\./.test(f) && isExample(f)).sort((a, b) => failOrder(a) - failOrder(b) || a.localeCompare(b));
  const passing = files.find((f) => /^pass\./.test(f) && isExample(f));
  if (failing.length === 0 || passing === undefined) throw new Error(`${FIXTURES}/${rule} needs a fail.* and a pass.* example`);
  const others = files.filter((f) => f !== passing && !failing.includes(f) && !f.endsWith('.map.yaml'));

  const fails = await Promise.all(failing.map((name) => example(folder, name, RUBRIC_FLAG[rule]?.fail)));
  const pass = await example(folder, passing, RUBRIC_FLAG[rule]?.pass);
  for (const ex of fails) {
    if (ex.findings.length === 0 || ex.findings.some((f) => f.rule !== rule)) {
      throw new Error(`${FIXTURES}/${rule}/${ex.file.name} should give only \`${rule}\` findings; it gives ${ex.findings.map((f) => f.rule).join(', ') || 'none'}`);
    }
  }
  if (pass.findings.length > 0) throw new Error(`${FIXTURES}/${rule}/${passing} should give no finding; it gives ${pass.findings.map((f) => f.rule).join(', ')}`);
  return {
    rule,
    fails,
    others: others.map((name) => shownFile(name, new Uint8Array(readFileSync(join(folder, name))))),
    pass: { file: pass.file, rubric: pass.rubric, map: pass.map },
  };
}

/** Example files: YAML, CSV and the other tables, but not the mapping beside a table. */
const EXAMPLE = /\.(ya?ml|csv|tsv|txt|xlsx)$/;
const isExample = (name: string) => EXAMPLE.test(name) && !name.endsWith('.map.yaml');

/** fail.* first, then the other failing examples by name. */
function failOrder(name: string): number {
  return /^fail\./.test(name) ? 0 : 1;
}

async function example(folder: string, name: string, rubricFlag: string | undefined): Promise<RuleExample['fails'][number]> {
  const path = join(folder, name);
  const rubric = rubricFlag === undefined ? undefined : /\.ya?ml$/.test(rubricFlag) ? join(folder, rubricFlag) : rubricFlag;
  // The mapping beside a survey export (`fail.map.yaml` beside `fail.csv`), passed as `--map`.
  const mapName = name.replace(/\.\w+$/, '.map.yaml');
  const mapPath = join(folder, mapName);
  const map = mapName !== name && existsSync(mapPath) ? { name: mapName, file: shownFile(mapName, new Uint8Array(readFileSync(mapPath))) } : undefined;
  const results = await validateFiles([path], { rubric, map: map === undefined ? undefined : mapPath });
  // Paths in messages as a user in the example's folder would see them, whatever folder the repository is in.
  const findings = results.flatMap((r) => r.findings).map(({ line, column, severity, message, rule }) => ({ line, column, severity, message: message.replaceAll(`${folder}/`, ''), rule }));
  return { file: shownFile(name, new Uint8Array(readFileSync(path))), rubric: rubricFlag, map, findings };
}

/** A file as the page shows it; bytes that are not text as `\xNN`. */
function shownFile(name: string, bytes: Uint8Array): ShownFile {
  if (bytes.length === 0 || /\.xlsx$/.test(name)) return { name, text: undefined, size: bytes.length, notes: [] };
  const text = asText(bytes);
  const shown = text ?? escapedBytes(bytes);
  const notes: string[] = [];
  if (text === undefined) notes.push('bytes that are not text are shown as `\\xNN`');
  const tabbed = shown.split('\n').flatMap((line, i) => (line.startsWith('\t') ? [i + 1] : []));
  if (tabbed.length > 0) notes.push(`line${tabbed.length === 1 ? '' : 's'} ${tabbed.join(' and ')} ${tabbed.length === 1 ? 'is' : 'are'} indented with a tab`);
  // A cell past the size limit is cut here; the example file holds all of it.
  const lines = shown.split('\n');
  const cut = lines.map((line) => (line.length > LONG_LINE ? `${line.slice(0, 80)}… (${(line.length - 80).toLocaleString('en')} more characters)` : line));
  if (cut.some((line, i) => line !== lines[i])) notes.push('a line too long to show is cut');
  return { name, text: cut.join('\n'), size: bytes.length, notes };
}

/** Longer lines are cut in the page (the export-limit example holds a cell of 100 kB). */
const LONG_LINE = 2000;

function asText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function escapedBytes(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b === 0x0a || b === 0x09 || (b >= 0x20 && b < 0x7f) ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0').toUpperCase()}`;
  return out;
}
