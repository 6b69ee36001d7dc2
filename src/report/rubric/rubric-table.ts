/** `svcaudit rubric show`: a rubric as a readable table, one per section. */
import { rubricItems, type Item, type Rubric } from '../../rubric/model.js';
import { wrap } from '../shared/wrap.js';
import { renderTable } from '../shared/text-table.js';
import { oneLine } from '../shared/terminal-text.js';
import { pushAll } from '../../core/max-of.js';
import type { Style } from '../shared/style.js';

interface RubricTableOptions {
  readonly style: Style;
  /** Terminal width; the prompt column takes what the others leave. */
  readonly width: number;
}

export function formatRubricTable(rubric: Rubric, { style, width }: RubricTableOptions): string {
  const { min, max, labels } = rubric.scale;
  const scale = Array.from({ length: max - min + 1 }, (_, i) => min + i)
    .map((level) => (labels.has(level) ? `${level} ${oneLine(labels.get(level)!)}` : String(level)))
    .join(' · ');
  const out: string[] = [
    style.bold(oneLine(rubric.title)),
    style.dim(wrap(oneLine(`${rubric.id}${rubric.version ? ` v${rubric.version}` : ''} · ${rubricItems(rubric).length} items · ${rubric.source}`), width).join('\n')),
  ];
  if (rubric.description) out.push('', wrap(oneLine(rubric.description), Math.min(width, 100)).join('\n'));
  out.push('', wrap(`Scale  ${scale}`, width).join('\n').replace(/^Scale/, style.bold('Scale')), `${style.bold('Target')} ${rubric.target}`);

  const columns = columnsFor(width);
  for (const section of rubric.sections) {
    out.push('', style.bold(oneLine(section.title)), style.dim(`(${section.id}, weight ${section.weight}, target ${section.target})`));
    out.push(renderTable(columns.map((c) => ({
      head: c.head,
      align: 'left',
      width: c.width,
      // Rubric text made inert: an ESC in a prompt must not act on the terminal (core/inert-text.ts).
      plain: section.items.map((item) => oneLine(String(c.cell(item)))),
    })), width));
    pushAll(out, actionLines(section.items, style, width));
  }
  return `${out.join('\n')}\n`;
}

/** Each item's actions under its section's table: the level each lifts to, its effort and who owns it. */
function actionLines(items: readonly Item[], style: Style, width: number): string[] {
  const lines: string[] = [];
  for (const item of items) {
    if (item.actions.length === 0) continue;
    lines.push(style.bold(`${item.id} actions`));
    for (const action of item.actions) {
      const owner = action.owner === undefined ? '' : `, ${oneLine(action.owner)}`;
      pushAll(lines, wrap(`to ${action.to} (${action.effort}${owner}): ${oneLine(action.text)}`, width - 6).map((line, i) => (i === 0 ? `  ${line}` : `      ${line}`)));
    }
  }
  return lines.length > 0 ? ['', ...lines] : [];
}

interface Column {
  readonly head: string;
  readonly width: number;
  readonly cell: (item: Item) => string | number;
}

const ID: Column = { head: 'Item', width: 22, cell: (item) => item.id };
const TITLE: Column = { head: 'Title', width: 20, cell: (item) => item.title };
const WEIGHT: Column = { head: 'Weight', width: 8, cell: (item) => item.weight };
const TARGET: Column = { head: 'Target', width: 8, cell: (item) => item.target };
const LEVELS: Column = { head: 'Levels', width: 8, cell: (item) => item.levels.size };
const ACTIONS: Column = { head: 'Actions', width: 9, cell: (item) => item.actions.length };
const AUDIENCE: Column = { head: 'Who can judge', width: 17, cell: (item) => item.audience?.join(', ') ?? 'anyone' };

/** Fewer columns on narrower terminals, so the table never wraps; the prompt takes what is left. */
function columnsFor(width: number): Column[] {
  const others =
    width >= 120 ? [ID, TITLE, AUDIENCE, TARGET, WEIGHT, LEVELS, ACTIONS] : width >= 90 ? [ID, TITLE, AUDIENCE, TARGET] : width >= 70 ? [ID, AUDIENCE, TARGET] : [ID, TARGET];
  // The table draws one border character between columns and one at each end.
  const used = others.reduce((sum, c) => sum + c.width, 0) + others.length + 2;
  const prompt: Column = { head: 'Prompt', width: Math.max(20, width - used), cell: (item) => item.prompt };
  const at = others.indexOf(TARGET);
  return [...others.slice(0, at), prompt, ...others.slice(at)];
}
