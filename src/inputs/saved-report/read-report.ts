/**
 * A report made by `svcaudit score --format json`, read back as one side of a
 * comparison. Only the fields a comparison uses are checked (see
 * comparable.ts); anything else in the file is ignored, so a report from
 * another svcaudit version still compares. Pure: text in, report or error out.
 */
import { SvcauditError } from '../../core/errors.js';
import type { ComparableReport } from '../../compare/comparable.js';
import { jsonErrorOffset } from './json-error-offset.js';
import { planOf, quotesOf } from './read-report-extras.js';
import { isMapping } from '../../core/is-mapping.js';
import { looksLikeReport } from './detect.js';

export { looksLikeReport };

const HOW_TO_MAKE = 'make one with `svcaudit score <answers> --format json --output report.json`';


export function parseReportJson(text: string, file: string): ComparableReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const offset = jsonErrorOffset(text);
    // Our own words where we found the spot: V8's message quotes the file, line breaks and all.
    const what = offset === undefined ? (error as Error).message.replace(/\s+/g, ' ') : offset >= text.length ? 'the text ends too early' : `unexpected ${JSON.stringify(text[offset])}`;
    throw new SvcauditError('file-unparseable', `Not valid JSON (${what}); ${HOW_TO_MAKE}.`, { file, ...position(text, offset) }, { cause: error });
  }
  return checkReport(value, file);
}

export function checkReport(value: unknown, file: string): ComparableReport {
  const fail = (what: string): never => {
    throw new SvcauditError('file-unparseable', `Not a svcaudit JSON report: ${what}; ${HOW_TO_MAKE}.`, { file });
  };
  if (!isMapping(value)) return fail('expected a JSON object');
  if (value.kind === 'answers' || value.kind === 'rubric') return fail(`this is a JSON ${value.kind} file, not a report (give the answers' folder or file instead, or a report)`);
  if (value.svcaudit !== 1 && value.svcaudit !== 2) return fail('`svcaudit: 1` or `2` is missing');
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
  });
  const text = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);
  return {
    rubric: { id: rubric.id, title: text(rubric.title, rubric.id), version: typeof rubric.version === 'string' ? rubric.version : null },
    scale: { min: scale.min, max: scale.max },
    respondents: value.respondents,
    overall: figures(value.overall as Record<string, unknown>),
    sections: (sections as Record<string, unknown>[]).map((s) => ({ id: s.id as string, title: text(s.title, s.id as string), ...figures(s) })),
    items: (items as Record<string, unknown>[]).map((item) => ({
      id: item.id as string,
      section: item.section as string,
      title: text(item.title, item.id as string),
      target: item.target as number,
      ...figures(item),
      ...quotesOf(item.quotes),
    })),
    ...planOf(value.plan),
  };
}

const isFigure = (v: unknown): v is number | null => v === null || (typeof v === 'number' && Number.isFinite(v));

function isFigures(value: unknown): boolean {
  return isMapping(value) && isFigure(value.score) && isFigure(value.index) && isFigure(value.gap);
}

function figures(value: Record<string, unknown>): { score: number | null; index: number | null; gap: number | null } {
  return { score: value.score as number | null, index: value.index as number | null, gap: value.gap as number | null };
}

/** Line and column (1-based) of an offset, for a message a terminal or editor makes clickable. */
function position(text: string, offset: number | undefined): { line?: number; column?: number } {
  if (offset === undefined) return {};
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
