/**
 * The gap report formats of `score --format`, the one registry of this extension point: the
 * `--format` choices, `--help` and the tests all come from this map. Each entry loads its
 * formatter on its own, so `score --format json` (a CI job's format) loads neither the terminal
 * tables nor the HTML page. A new format is one file and one line here.
 */
import type { GapFormatter } from './types.js';

export const GAP_FORMATS = {
  text: async () => (await import('./text.js')).text,
  json: async () => (await import('./json.js')).json,
  markdown: async () => (await import('./markdown.js')).markdown,
  csv: async () => (await import('./csv.js')).csv,
  html: async () => (await import('./html.js')).htmlReport,
} satisfies Record<string, () => Promise<GapFormatter>>;

export type GapFormatName = keyof typeof GAP_FORMATS;
export const GAP_FORMAT_NAMES = Object.keys(GAP_FORMATS) as GapFormatName[];

export function loadGapFormat(name: GapFormatName): Promise<GapFormatter> {
  return GAP_FORMATS[name]();
}
