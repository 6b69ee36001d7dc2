/**
 * One compare formatter, loaded on its own: `compare --format json` then
 * loads neither the terminal tables nor the HTML page. COMPARE_FORMATS
 * (index.ts) holds them all, for code that uses several.
 */
import type { CompareFormatName } from './names.js';
import type { CompareFormatter } from './types.js';

const LOADERS = {
  text: async () => (await import('./text.js')).text,
  json: async () => (await import('./json.js')).json,
  markdown: async () => (await import('./markdown.js')).markdown,
  html: async () => (await import('./html.js')).htmlReport,
} satisfies Record<CompareFormatName, () => Promise<CompareFormatter>>;

export function loadCompareFormat(name: CompareFormatName): Promise<CompareFormatter> {
  return LOADERS[name]();
}
