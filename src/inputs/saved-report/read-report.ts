/**
 * A report made by `svcaudit score --format json`, read back as one side of a
 * comparison. Only the fields a comparison uses are checked (see
 * comparable.ts); anything else in the file is ignored, so a report from
 * another svcaudit version still compares. Pure: text in, report or error out.
 */
import { SvcauditError } from '../../core/errors.js';
import type { ComparableScore, SavedGroup, SavedGroupFigure, SavedReport } from '../../compare/comparable.js';
import { jsonErrorOffset } from './json-error-offset.js';
import { headerOf, planOf, quotesOf } from './read-report-extras.js';
import { isMapping } from '../../core/is-mapping.js';
import { excerpt } from '../../core/inert-text.js';
import { looksLikeReport, REPORT_FORMATS } from './detect.js';

export { looksLikeReport };

const HOW_TO_MAKE = 'make one with `svcaudit score <answers> --format json --output report.json`';


export function parseReportJson(text: string, file: string): SavedReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const offset = jsonErrorOffset(text);
    // Our own words where we found the spot: V8's message quotes the file, line breaks and all.
    // Quoted as short inert excerpts (core/inert-text.ts): V8's message quotes the file itself.
    const what = offset === undefined ? excerpt((error as Error).message.replace(/\s+/g, ' '), 120) : offset >= text.length ? 'the text ends too early' : `unexpected ${excerpt(JSON.stringify(String.fromCodePoint(text.codePointAt(offset)!)))}`;
    throw new SvcauditError('file-unparseable', `Not valid JSON (${what}); ${HOW_TO_MAKE}.`, { file, ...position(text, offset) }, { cause: error });
  }
  return checkReport(value, file);
}

export function checkReport(value: unknown, file: string): SavedReport {
  const fail = (what: string): never => {
    throw new SvcauditError('file-unparseable', `Not a svcaudit JSON report: ${what}; ${HOW_TO_MAKE}.`, { file });
  };
  if (!isMapping(value)) return fail('expected a JSON object');
  if (value.kind === 'answers' || value.kind === 'rubric') return fail(`this is a JSON ${value.kind} file, not a report (give the answers' folder or file instead, or a report)`);
  if (value.kind === 'comparison') return fail('this is a comparison made by `compare`, not a report of one audit');
  if (!REPORT_FORMATS.includes(value.svcaudit)) return fail('`svcaudit: 1` or `svcaudit: 2` is missing');
  const format = value.svcaudit as 1 | 2;
  const rubric = value.rubric;
  if (!isMapping(rubric) || typeof rubric.id !== 'string') return fail('`rubric.id` is missing');
  const scale = value.scale;
  if (!isMapping(scale) || typeof scale.min !== 'number' || typeof scale.max !== 'number') return fail('`scale.min` and `scale.max` are missing');
  if (!isFigures(value.overall)) return fail('`overall` needs `score`, `index` and `gap` (numbers or null)');
  if (typeof value.respondents !== 'number') return fail('`respondents` is missing');
  const sections = value.sections;
  if (!Array.isArray(sections)) return fail('`sections` is not a list');
  sections.forEach((s: unknown, i) => {
    if (!isMapping(s) || typeof s.id !== 'string' || !isFigures(s)) fail(`\`sections[${i}]\` needs an \`id\` and \`score\`, \`index\`, \`gap\``);
  });
  const items = value.items;
  if (!Array.isArray(items)) return fail('`items` is not a list');
  items.forEach((item: unknown, i) => {
    if (!isMapping(item) || typeof item.id !== 'string' || typeof item.section !== 'string' || typeof item.target !== 'number' || !isFigures(item)) {
      fail(`\`items[${i}]\` needs an \`id\`, \`section\`, \`target\` and \`score\`, \`index\`, \`gap\``);
    }
    // The tests of an item need how many gave it a number and how far they differed.
    if (!isCount((item as Record<string, unknown>).n) || !isFigure((item as Record<string, unknown>).sd)) fail(`\`items[${i}]\` needs \`n\` (a count) and \`sd\` (a number or null)`);
  });
  const text = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);
  const by = typeof value.by === 'string' ? value.by : null;
  const agreement = value.agreement;
  return {
    format,
    rubric: { id: rubric.id, title: text(rubric.title, rubric.id), version: typeof rubric.version === 'string' ? rubric.version : null },
    scale: { min: scale.min, max: scale.max },
    respondents: value.respondents,
    overall: score(value.overall as Record<string, unknown>, format),
    sections: (sections as Record<string, unknown>[]).map((s) => ({ id: s.id as string, title: text(s.title, s.id as string), ...score(s, format) })),
    items: (items as Record<string, unknown>[]).map((item) => ({
      id: item.id as string,
      section: item.section as string,
      title: text(item.title, item.id as string),
      target: item.target as number,
      n: item.n as number,
      sd: item.sd as number | null,
      ...(isCount(item.na) ? { na: item.na } : {}),
      ...figures(item),
      ...quotesOf(item.quotes),
    })),
    by,
    groups: format === 2 && by !== null ? groupsOf(value.groups) : null,
    groupFigures: format === 2 && by !== null ? groupFiguresOf(items as Record<string, unknown>[]) : new Map(),
    scoredRespondents: format === 2 && isMapping(agreement) && isCount(agreement.n) ? agreement.n : null,
    ...planOf(value.plan),
    ...headerOf(value),
  };
}

const isFigure = (v: unknown): v is number | null => v === null || (typeof v === 'number' && Number.isFinite(v));
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isInterval = (v: unknown): v is [number, number] => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number' && Number.isFinite(x));

function isFigures(value: unknown): boolean {
  return isMapping(value) && isFigure(value.score) && isFigure(value.index) && isFigure(value.gap);
}

function figures(value: Record<string, unknown>): { score: number | null; index: number | null; gap: number | null } {
  return { score: value.score as number | null, index: value.index as number | null, gap: value.gap as number | null };
}

/**
 * A section's or the overall score; format 2 adds the `se` and `df` of its interval. They are
 * read leniently: one missing or malformed leaves the score without an interval, which the
 * comparison reports as too few answers rather than failing the job.
 */
function score(value: Record<string, unknown>, format: 1 | 2): ComparableScore {
  if (format === 1) return figures(value);
  const se = isFigure(value.se) && (value.se === null || value.se >= 0) ? value.se : null;
  const df = isFigure(value.df) && (value.df === null || value.df > 0) ? value.df : null;
  return { ...figures(value), se, df };
}

/** `groups[]` of format 2: `{value, n, overall: {score, index} | null}`; null when malformed (the groups are then not compared). */
function groupsOf(value: unknown): SavedGroup[] | null {
  if (!Array.isArray(value)) return null;
  const groups: SavedGroup[] = [];
  for (const g of value as unknown[]) {
    if (!isMapping(g) || typeof g.value !== 'string' || !isCount(g.n)) return null;
    const overall = isMapping(g.overall) && isFigure(g.overall.score) && isFigure(g.overall.index) ? { score: g.overall.score, index: g.overall.index } : null;
    groups.push({ value: g.value, n: g.n, overall });
  }
  return groups;
}

/** `items[].groups` of format 2: group value → `{score, n, ci}`; an entry not so shaped is left out (not shown). */
function groupFiguresOf(items: readonly Record<string, unknown>[]): Map<string, Map<string, SavedGroupFigure>> {
  const byItem = new Map<string, Map<string, SavedGroupFigure>>();
  for (const item of items) {
    const figures = new Map<string, SavedGroupFigure>();
    if (isMapping(item.groups)) {
      for (const [group, f] of Object.entries(item.groups)) {
        if (isMapping(f) && isFigure(f.score) && isCount(f.n)) figures.set(group, { score: f.score, n: f.n, ci: isInterval(f.ci) ? [f.ci[0], f.ci[1]] : null });
      }
    }
    byItem.set(item.id as string, figures);
  }
  return byItem;
}

/** Line and column (1-based) of an offset, for a message a terminal or editor makes clickable. */
function position(text: string, offset: number | undefined): { line?: number; column?: number } {
  if (offset === undefined) return {};
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
