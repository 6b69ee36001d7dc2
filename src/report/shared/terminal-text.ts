/**
 * User text on its way to a terminal. A note or a title can hold an ESC
 * sequence (copied from a log, or planted) that would move the cursor,
 * recolour or retitle the terminal, and a line break that would tear a table
 * row; both are defused by core/inert-text.ts, the one definition every
 * format and message shares.
 */
export { inert, oneLine } from '../../core/inert-text.js';

/**
 * A text report from its blocks: empty blocks left out, a blank line between the others, and no
 * line ending in spaces (they show up in diffs and copied text), whatever a block or cli-table3 produced.
 */
export function textDocument(blocks: readonly (readonly string[])[]): string {
  const body = blocks
    .filter((block) => block.length > 0)
    .map((block) => block.join('\n'))
    .join('\n\n');
  return `${body.split('\n').map((line) => line.trimEnd()).join('\n')}\n`;
}
