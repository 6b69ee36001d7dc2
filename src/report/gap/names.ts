/**
 * The report format names alone, so the CLI can list `--format` choices
 * without loading any formatter. `index.ts` types its map against this union.
 */
export const GAP_FORMAT_NAMES = ['text', 'json', 'markdown', 'csv', 'html'] as const;
export type GapFormatName = (typeof GAP_FORMAT_NAMES)[number];
