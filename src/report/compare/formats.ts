/**
 * The comparison formats of `compare --format`, the one registry of this extension point (see
 * `../gap/formats.ts`): choices, help and tests come from this map, each entry loaded on its own.
 */
import type { CompareFormatter } from './types.js';

export const COMPARE_FORMATS = {
  text: async () => (await import('./text.js')).text,
  json: async () => (await import('./json.js')).json,
  markdown: async () => (await import('./markdown.js')).markdown,
  html: async () => (await import('./html.js')).htmlReport,
} satisfies Record<string, () => Promise<CompareFormatter>>;

export type CompareFormatName = keyof typeof COMPARE_FORMATS;
export const COMPARE_FORMAT_NAMES = Object.keys(COMPARE_FORMATS) as CompareFormatName[];

export function loadCompareFormat(name: CompareFormatName): Promise<CompareFormatter> {
  return COMPARE_FORMATS[name]();
}
