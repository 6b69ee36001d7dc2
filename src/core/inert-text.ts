/**
 * User text made inert before it reaches a terminal, a log or a message: a title, a note, a cell or
 * a file name can hold an ESC sequence (copied from a log, or planted) that would move the cursor,
 * recolour, retitle the terminal or hide the text after it, and a line break that would tear a
 * table row or forge a second line. Each such character is kept visible, never dropped, so what
 * the file holds can still be seen and fixed: C0 controls and DEL as their Unicode control
 * pictures (ESC as `␛`), the others (C1 controls, line and paragraph separators, bidirectional
 * overrides that reorder what a terminal shows) as a `\u202e`-style escape.
 *
 * This is the one definition of "inert" that every human format, the findings formats and the
 * CLI's messages use (docs/file-formats.md, "Text from files").
 */

/** Every character that can act on a terminal or on the layout of a line, rather than show as itself. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, less the line breaks (LF, CR) and the tab, for text whose own lines are kept (a CSV cell, an annotation). */
const UNSAFE_IN_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const BREAKS = /\r\n|[\r\n\t\u2028\u2029\u0085]/g;

function shown(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code); // ␀ … ␟ (␛ for ESC)
  if (code === 0x7f) return '\u2421'; // ␡
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Every unsafe character shown instead of acting; `keepLines` keeps line breaks and tabs. */
export function inert(text: string, keepLines = false): string {
  return text.replace(keepLines ? UNSAFE_IN_LINES : UNSAFE, shown);
}

/** One line of inert text: line breaks and tabs become spaces (a table cell, a finding row, a title). */
export function oneLine(text: string): string {
  return inert(text.replace(BREAKS, ' ')).trim();
}

/** How much of a value a message quotes: enough to recognise it, never a whole file's worth. */
const EXCERPT_LENGTH = 60;

/**
 * A value quoted in a message: inert (a line break shows as `␊`), and cut to `max` characters with
 * `…`, so a 100 MB cell makes a message of a line, not of 100 MB.
 */
export function excerpt(value: string, max = EXCERPT_LENGTH): string {
  // Cut first (cheap on a huge value), on a code point boundary, then make the rest inert.
  let cut = value;
  let more = false;
  if (value.length > max) {
    let end = max;
    const code = value.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end--; // never split a surrogate pair
    cut = value.slice(0, end);
    more = true;
  }
  return `${inert(cut)}${more ? '…' : ''}`;
}
