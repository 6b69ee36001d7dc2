/** `svcaudit rubric show`: a rubric as a readable table, one per section. */
import Table from 'cli-table3';
import { rubricItems, type Rubric } from '../rubric/model.js';
import type { Style } from './style.js';

export interface RubricTableOptions {
  readonly style: Style;
  /** Terminal width; the prompt column takes what the others leave. */
  readonly width: number;
}

export function formatRubricTable(rubric: Rubric, { style, width }: RubricTableOptions): string {
  const { min, max, labels } = rubric.scale;
  const scale = Array.from({ length: max - min + 1 }, (_, i) => min + i)
    .map((level) => (labels.has(level) ? `${level} ${labels.get(level)}` : String(level)))
    .join(' · ');
  const out: string[] = [
    style.bold(rubric.title),
    style.dim(`${rubric.id}${rubric.version ? ` v${rubric.version}` : ''} · ${rubricItems(rubric).length} items · ${rubric.source}`),
  ];
  if (rubric.description) out.push('', wrap(rubric.description, Math.min(width, 100)));
  out.push('', `${style.bold('Scale')}  ${scale}`, `${style.bold('Target')} ${rubric.target}`);

  const promptWidth = Math.max(20, width - 60);
  for (const section of rubric.sections) {
    out.push('', style.bold(`${section.title}`) + style.dim(`  (${section.id}, weight ${section.weight}, target ${section.target})`));
    const table = new Table({
      head: ['Item', 'Title', 'Prompt', 'Weight', 'Target', 'Levels', 'Actions'],
      colWidths: [22, 20, promptWidth, 8, 8, 8, 9],
      wordWrap: true,
      style: { head: [], border: [] },
    });
    for (const item of section.items) {
      table.push([item.id, item.title, item.prompt, item.weight, item.target, item.levels.size, item.actions.length]);
    }
    out.push(table.toString());
  }
  return `${out.join('\n')}\n`;
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
