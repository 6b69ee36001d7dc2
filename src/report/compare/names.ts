/** The `compare --format` names alone, so `--help` loads no formatter. */
export const COMPARE_FORMAT_NAMES = ['text', 'json', 'markdown', 'html'] as const;
export type CompareFormatName = (typeof COMPARE_FORMAT_NAMES)[number];
