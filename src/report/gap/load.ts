/**
 * One gap formatter, loaded on its own: `score --format json` (a CI job's
 * format) then loads neither the terminal tables nor the HTML page.
 * GAP_FORMATS (index.ts) holds them all, for code that uses several.
 */
import type { GapFormatName } from './names.js';
import type { GapFormatter } from './types.js';

const LOADERS = {
  text: async () => (await import('./text.js')).text,
  json: async () => (await import('./json.js')).json,
  markdown: async () => (await import('./markdown.js')).markdown,
  csv: async () => (await import('./csv.js')).csv,
  html: async () => (await import('./html.js')).htmlReport,
} satisfies Record<GapFormatName, () => Promise<GapFormatter>>;

export function loadGapFormat(name: GapFormatName): Promise<GapFormatter> {
  return LOADERS[name]();
}
