import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { FindingsFormatName } from './names.js';
import type { FindingsFormatter } from './types.js';

/**
 * The formatters of `svcaudit validate --format`. Typed against the names in `names.ts` (which
 * the CLI reads for `--format` choices without loading any formatter), so a name without a
 * formatter, or a formatter without a name, does not compile.
 */
export const FINDINGS_FORMATS = { stylish, json, junit, sarif, github } satisfies Record<
  FindingsFormatName,
  FindingsFormatter
>;

export { FINDINGS_FORMAT_NAMES, type FindingsFormatName } from './names.js';
export type { FileFindings, FindingsFormatOptions, FindingsFormatter } from './types.js';
export { countFindings, exceedsMaxWarnings, type FindingCounts } from './summary.js';
