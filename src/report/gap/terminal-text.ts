/**
 * User text on its way to a terminal. A note or a title can hold an ESC
 * sequence (copied from a log, or planted) that would move the cursor,
 * recolour or retitle the terminal, and a line break that would tear a table
 * row; both are defused here, the way `stylish` treats finding messages.
 */
const BREAKS = /\r\n|[\r\n\t\u2028\u2029]/g;
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;

export function oneLine(text: string): string {
  return text.replace(BREAKS, ' ').replace(CONTROLS, '\uFFFD').trim();
}
