/**
 * Word wrapping by terminal columns (CJK and emoji take two), for the text
 * report's long lines: plan actions, quotes, item titles in table cells.
 */
import { displayWidth } from './text-width.js';

/** Made on first use: a segmenter costs milliseconds that start-up should not pay. */
let graphemes: Intl.Segmenter | undefined;

/**
 * Lines of at most `width` columns. Breaks at spaces; a word wider than a line
 * (a URL, a file path) is cut across lines rather than truncated, so no
 * evidence is lost.
 */
export function wrap(text: string, width: number): string[] {
  const max = Math.max(1, width);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/).filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (displayWidth(candidate) <= max) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    for (const piece of cutWord(word, max)) {
      if (line !== '') lines.push(line);
      line = piece;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** Pieces of a word, each at most `max` columns, cut between graphemes. */
function cutWord(word: string, max: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of graphemes.segment(word)) {
    if (piece !== '' && displayWidth(piece + segment) > max) {
      pieces.push(piece);
      piece = '';
    }
    piece += segment;
  }
  pieces.push(piece);
  return pieces;
}

/**
 * A wrapped paragraph whose first line starts with `first` and whose other
 * lines hang under the text (`  [low]    Title: action …` / `           …`).
 */
export function hangingWrap(text: string, first: string, indent: number, width: number): string[] {
  return wrap(text, width - indent).map((line, i) => (i === 0 ? first : ' '.repeat(indent)) + line);
}
