/**
 * Makes user text (titles, notes, evidence, action texts, names, group values)
 * inert in Markdown: it shows as typed and can neither break a table nor
 * inject HTML, links, images or emphasis, wherever it is placed (a heading,
 * a table cell, a list item, a blockquote).
 *
 * - Line breaks become spaces: a newline would end a table row, and a line of
 *   its own could start a heading, list, quote or setext underline.
 * - `&`, `<`, `>` become entities, so no tag (`<script>`, `</td>`) or autolink
 *   survives; a backslash would not do, since `\<script>` still contains `<script>`
 *   for any tool that reads the raw text (a PR comment preview, an HTML converter).
 * - Every other ASCII character with a Markdown meaning gets a backslash
 *   (CommonMark 2.4: any ASCII punctuation may be escaped), `|` included: GFM
 *   honours `\|` inside table cells. `#` is escaped everywhere since a heading
 *   drops a trailing `#` run; `$` because GitHub renders `$…$` as math.
 * - A leading `-`, `+`, `=` or `1.` / `1)` could start a list or a setext
 *   underline where the text opens a line, so it is escaped too.
 *
 * See https://spec.commonmark.org/0.31.2/#backslash-escapes and
 * https://github.github.com/gfm/#tables-extension-.
 */

import { inert } from '../../core/inert-text.js';

const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/g;
// A tab would become a code block indent.
const TABS = /\t/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const PUNCTUATION = /[\\`*_[\]#!|~$]/g;
// A list marker needs a space (or the end) after it; `1.0.0` and `3.5 stars` are left alone.
const LEADING_LIST = /^([-+=]|\d{1,9}(?=[.)](?:\s|$)))/;

export function escapeMarkdown(text: string): string {
  // Trimmed: leading spaces after a `> ` could otherwise open an indented code block.
  // Other controls (ESC, C1, bidirectional overrides) are shown inert (core/inert-text.ts).
  const flat = inert(text.replace(LINE_BREAKS, ' ').replace(TABS, ' ')).trim();
  const escaped = flat
    .replace(/[&<>]/g, (c) => ENTITIES[c] ?? c)
    .replace(PUNCTUATION, (c) => `\\${c}`)
    // GitHub turns bare URLs, `www.` names and e-mail addresses into live links (GFM's autolink
    // extension, https://github.github.com/gfm/#autolinks-extension-): a quoted note must not
    // link anywhere, so the `:` of `://`, the dot after `www` and the `@` are escaped.
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@');
  // `1.` / `1)`: escaping the digit's delimiter is what CommonMark needs; `-`, `+`, `=` take a backslash themselves.
  return escaped.replace(LEADING_LIST, (lead: string) => (/\d/.test(lead) ? `${lead}\\` : `\\${lead}`));
}
