/**
 * User text on its way to a terminal. A note or a title can hold an ESC
 * sequence (copied from a log, or planted) that would move the cursor,
 * recolour or retitle the terminal, and a line break that would tear a table
 * row; both are defused here, the way `stylish` treats finding messages.
 */
const BREAKS = /\r\n|[\r\n\t\u2028\u2029]/g;
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;

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

/** textDocument's text, a block at a time as each block is made. */
export function* textDocumentPieces(blocks: Iterable<readonly string[]>): Generator<string> {
  let first = true;
  for (const block of blocks) {
    if (block.length === 0) continue;
    if (!first) yield '\n\n';
    first = false;
    yield block.join('\n').split('\n').map((line) => line.trimEnd()).join('\n');
  }
  yield '\n';
}

export function oneLine(text: string): string {
  return text.replace(BREAKS, ' ').replace(CONTROLS, '\uFFFD').trim();
}
