/**
 * The format names alone, so the CLI can list `--format` choices without
 * loading the formatters. `index.ts` types its map against this union.
 */
export const FINDINGS_FORMAT_NAMES = ['stylish', 'json', 'junit', 'sarif', 'github'] as const;
export type FindingsFormatName = (typeof FINDINGS_FORMAT_NAMES)[number];
