/**
 * User text on its way to a terminal. A note or a title can hold an ESC
 * sequence (copied from a log, or planted) that would move the cursor,
 * recolour or retitle the terminal, and a line break that would tear a table
 * row; both are defused by core/inert-text.ts, the one definition every
 * format and message shares.
 */
import { oneLine } from '../../core/inert-text.js';
import type { Rubric } from '../../rubric/model.js';

export { inert, oneLine } from '../../core/inert-text.js';

/**
 * A text report from its blocks: empty blocks left out, a blank line between the others, and no
 * line ending in spaces (they show up in diffs and copied text), whatever a block or a table produced.
 */
export function textDocument(blocks: readonly (readonly string[])[]): string {
  const body = blocks
    .filter((block) => block.length > 0)
    .map((block) => block.join('\n'))
    .join('\n\n');
  return `${body.split('\n').map((line) => line.trimEnd()).join('\n')}\n`;
}

/**
 * textDocument's text, a line at a time as each block makes its lines: a block may be a generator
 * (the header's tens of thousands of group lines), never joined into one string here.
 */
export function* textDocumentPieces(blocks: Iterable<Iterable<string>>): Generator<string> {
  let first = true;
  for (const block of blocks) {
    let firstLine = true;
    for (const line of block) {
      const before = !firstLine ? '\n' : first ? '' : '\n\n';
      first = false;
      firstLine = false;
      // A line may hold line breaks of its own (a source whose figures go under its name).
      yield before + (line.includes('\n') ? line.split('\n').map((part) => part.trimEnd()).join('\n') : line.trimEnd());
    }
  }
  yield '\n';
}

/**
 * A rubric whose every text is one inert line, for screens drawn from it piece by piece (the
 * `assess` questions): no title, prompt, descriptor or label can then act on the terminal,
 * however the screen cuts and wraps it. Ids are kebab-case already.
 */
export function inertRubric(rubric: Rubric): Rubric {
  const line = (text: string) => oneLine(text);
  const map = (m: ReadonlyMap<number, string>) => new Map([...m].map(([k, v]) => [k, line(v)] as const));
  return {
    ...rubric,
    title: line(rubric.title),
    version: rubric.version === undefined ? undefined : line(rubric.version),
    description: rubric.description === undefined ? undefined : line(rubric.description),
    source: line(rubric.source),
    scale: { ...rubric.scale, labels: map(rubric.scale.labels) },
    sections: rubric.sections.map((section) => ({
      ...section,
      title: line(section.title),
      items: section.items.map((item) => ({
        ...item,
        title: line(item.title),
        prompt: line(item.prompt),
        why: item.why === undefined ? undefined : line(item.why),
        levels: map(item.levels),
        lookFor: item.lookFor.map(line),
        actions: item.actions.map((action) => ({ ...action, text: line(action.text) })),
      })),
    })),
  };
}
