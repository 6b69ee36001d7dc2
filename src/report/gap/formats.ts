/**
 * The gap report formats of `score --format`, the one registry of this extension point: the
 * `--format` choices, `--help` and the tests all come from this map. Each entry loads its
 * formatter on its own, so `score --format json` (a CI job's format) loads neither the terminal
 * tables nor the HTML page. A new format is one file and one line here.
 */
import type { GapFormatter, GapPieces } from './types.js';

export const GAP_FORMATS = {
  text: async () => (await import('./text.js')).textPieces,
  json: async () => (await import('./json.js')).jsonReportPieces,
  markdown: async () => (await import('./markdown.js')).markdownPieces,
  csv: async () => (await import('./csv.js')).csvPieces,
  html: async () => (await import('./html.js')).htmlPieces,
} satisfies Record<string, () => Promise<GapPieces>>;

export type GapFormatName = keyof typeof GAP_FORMATS;
export const GAP_FORMAT_NAMES = Object.keys(GAP_FORMATS) as GapFormatName[];

/** A format as one string (the public API, tests). */
export async function loadGapFormat(name: GapFormatName): Promise<GapFormatter> {
  const pieces = await GAP_FORMATS[name]();
  return (report, options) => [...pieces(report, options)].join('');
}

/** A format in pieces, each written out as it is made (`score` does). */
export function loadGapPieces(name: GapFormatName): Promise<GapPieces> {
  return GAP_FORMATS[name]();
}
