/**
 * Word wrapping by terminal columns (CJK and emoji take two), for the text
 * report's long lines: plan actions, quotes, item titles in table cells.
 *
 * Each word and each grapheme is measured once and the widths added up, so a
 * 100,000-character note takes one pass (measuring the line so far at every
 * word or grapheme made it quadratic: half a minute for such a note).
 */
import { displayWidth, graphemes } from './text-width.js';

/**
 * Lines of at most `width` columns. Breaks at spaces; a word wider than a line
 * (a URL, a file path) is cut across lines rather than truncated, so no
 * evidence is lost.
 */
export function wrap(text: string, width: number): string[] {
  return Array.from(wrapWords(text.split(/ +/), width));
}

/**
 * wrap's lines from the words of a text (empty ones skipped), each line given as soon as it is
 * full, so a paragraph of a hundred thousand groups is never one string nor one list of lines.
 * Each line is joined once from its words: built by adding a word at a time it would be a chain
 * of pieces holding on to every word.
 */
export function* wrapWords(words: Iterable<string>, width: number): Generator<string> {
  const max = Math.max(1, width);
  let any = false;
  let line: string[] = [];
  let lineWidth = 0;
  for (const word of words) {
    if (word === '') continue;
    const wordWidth = displayWidth(word);
    if (line.length > 0 && lineWidth + 1 + wordWidth <= max) {
      line.push(word);
      lineWidth += 1 + wordWidth;
      continue;
    }
    if (line.length === 0 && wordWidth <= max) {
      line.push(word);
      lineWidth = wordWidth;
      continue;
    }
    if (line.length > 0) {
      any = true;
      yield line.join(' ');
    }
    if (wordWidth <= max) {
      line = [word];
      lineWidth = wordWidth;
      continue;
    }
    const pieces = cutWord(word, max);
    for (let i = 0; i < pieces.length - 1; i++) {
      any = true;
      yield pieces[i]!.text;
    }
    line = [pieces[pieces.length - 1]!.text];
    lineWidth = pieces[pieces.length - 1]!.width;
  }
  // An empty text is one empty line, as it always was.
  if (line.length > 0 || !any) yield line.join(' ');
}

/** Pieces of a word, each at most `max` columns, cut between graphemes. */
function cutWord(word: string, max: number): Array<{ text: string; width: number }> {
  const pieces: Array<{ text: string; width: number }> = [];
  let piece = '';
  let pieceWidth = 0;
  for (const segment of graphemes(word)) {
    const w = displayWidth(segment);
    if (piece !== '' && pieceWidth + w > max) {
      pieces.push({ text: piece, width: pieceWidth });
      piece = '';
      pieceWidth = 0;
    }
    piece += segment;
    pieceWidth += w;
  }
  pieces.push({ text: piece, width: pieceWidth });
  return pieces;
}

/**
 * A wrapped paragraph whose first line starts with `first` and whose other
 * lines hang under the text (`  [low]    Title: action …` / `           …`).
 */
export function hangingWrap(text: string, first: string, indent: number, width: number): string[] {
  return wrap(text, width - indent).map((line, i) => (i === 0 ? first : ' '.repeat(indent)) + line);
}
