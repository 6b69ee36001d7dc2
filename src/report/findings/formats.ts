/**
 * The findings formats of `validate --format`, the one registry of this extension point (see
 * `../gap/formats.ts`): choices, help and tests come from this map, each entry loaded on its own,
 * so a CI job asking for SARIF loads neither the terminal layout nor the XML writer of JUnit.
 */
import type { FindingsFormatter } from './types.js';

export const FINDINGS_FORMATS = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  junit: async () => (await import('./junit.js')).junit,
  sarif: async () => (await import('./sarif.js')).sarif,
  github: async () => (await import('./github.js')).github,
} satisfies Record<string, () => Promise<FindingsFormatter>>;

export type FindingsFormatName = keyof typeof FINDINGS_FORMATS;
export const FINDINGS_FORMAT_NAMES = Object.keys(FINDINGS_FORMATS) as FindingsFormatName[];

export function loadFindingsFormat(name: FindingsFormatName): Promise<FindingsFormatter> {
  return FINDINGS_FORMATS[name]();
}
