/**
 * The compare formatters, keyed by `--format` name and typed against the
 * names, so a name without a formatter fails to compile.
 */
import { htmlReport as html } from './html.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import type { CompareFormatName } from './names.js';
import { text } from './text.js';
import type { CompareFormatter } from './types.js';

export const COMPARE_FORMATS = { text, json, markdown, html } satisfies Record<CompareFormatName, CompareFormatter>;

export type { CompareFormatName } from './names.js';
export type { CompareFormatOptions, CompareFormatter } from './types.js';
