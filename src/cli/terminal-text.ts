/**
 * Messages on stderr, wrapped at word boundaries to the terminal's width. A
 * terminal folds a long line wherever the edge falls, mid-word ("w⏎ith",
 * "--res⏎ume"); these lines are broken at spaces instead. Commands to copy
 * are never broken: text in backticks, and text marked with `unbreakable()`,
 * stays on one line (a command wider than the terminal is left to fold).
 * Text that does not go to a terminal (a pipe, a log) is left as it is.
 */
import { stripVTControlCharacters } from 'node:util';
import { displayWidth } from '../report/shared/text-width.js';

/** A no-break space holds a command's words together while wrapping; it is a plain space again once written. */
const GLUE = '\u00a0';

/** Marks text (a command) as one word for wrapping. */
export function unbreakable(text: string): string {
  return text.replace(/ /g, GLUE);
}

/** Columns of the terminal the stream writes to; undefined when it is not a terminal. */
export function terminalColumns(stream: { isTTY?: boolean; columns?: number }): number | undefined {
  return stream.isTTY === true && typeof stream.columns === 'number' && stream.columns > 0 ? stream.columns : undefined;
}

/**
 * Each line broken at spaces into lines of at most `columns - 1` (so no line reaches the edge, where some
 * terminals wrap early); continuation lines keep the line's indent. Without `columns`, only the glue goes.
 */
export function wrapForTerminal(text: string, columns: number | undefined): string {
  const glued = text.replace(/`[^`\n]*`/g, unbreakable);
  if (columns === undefined) return unglue(glued);
  const width = Math.max(20, columns - 1);
  return glued
    .split('\n')
    .flatMap((line) => wrapLine(line, width))
    .map(unglue)
    .join('\n');
}

/** Each word measured once and the widths added up: measuring the line so far at every word made a long message quadratic. */
function wrapLine(line: string, width: number): string[] {
  const visible = (s: string) => displayWidth(stripVTControlCharacters(s));
  if (visible(line) <= width) return [line];
  const indent = /^ */.exec(line)![0];
  const lines: string[] = [];
  let current = '';
  let currentWidth = indent.length;
  for (const word of line.slice(indent.length).split(/ +/)) {
    if (word === '') continue;
    const wordWidth = visible(word);
    if (current !== '' && currentWidth + 1 + wordWidth > width) {
      lines.push(indent + current);
      current = word;
      currentWidth = indent.length + wordWidth;
    } else {
      currentWidth += (current === '' ? 0 : 1) + wordWidth;
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  lines.push(indent + current);
  return lines;
}

function unglue(text: string): string {
  return text.replaceAll(GLUE, ' ');
}
