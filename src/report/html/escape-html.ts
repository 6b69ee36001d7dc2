/**
 * Makes user text (rubric titles, notes, evidence, names, group values) inert
 * in HTML and inline SVG, in element content and in quoted attribute values
 * alike: the five characters with a meaning there become references, per
 * OWASP's rule #1 (https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html).
 * Control characters other than tab and line breaks are replaced, since they
 * are parse errors in HTML and fatal in any tool that reads the SVG as XML.
 */
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
// Bidirectional overrides and isolates too: they would reorder what the page shows (core/inert-text.ts).
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g;

export function escapeHtml(text: string): string {
  return text.replace(CONTROLS, '\uFFFD').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
