/**
 * The gap report formatters, keyed by `--format` name. Typed against the
 * names (Spectral's pattern), so a name without a formatter fails to compile.
 */
import { csv } from './csv.js';
import { htmlReport as html } from './html.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import type { GapFormatName } from './names.js';
import { text } from './text.js';
import type { GapFormatter } from './types.js';

export const GAP_FORMATS = { text, json, markdown, csv, html } satisfies Record<GapFormatName, GapFormatter>;

export type { GapFormatName } from './names.js';
export type { GapFormatOptions, GapFormatter } from './types.js';
