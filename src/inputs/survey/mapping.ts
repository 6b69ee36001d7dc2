/** A checked mapping file, as the export reader uses it (docs/file-formats.md, "Survey exports"). */
import type { FromSchema } from 'json-schema-to-ts';
import type { Span } from '../../core/finding.js';
import type { LayoutName } from './layouts.js';
import type { mappingSchema } from './mapping-schema.js';

export type RawMapping = FromSchema<typeof mappingSchema>;

/** How a mapping names a column, and where it says so (for a finding about a column the export lacks). */
export interface ColumnRef {
  readonly by: 'header' | 'letter' | 'id';
  readonly value: string;
  readonly span: Span;
}

export type DateFormat = 'DMY' | 'MDY' | 'YMD';

export interface Condition {
  readonly ref: ColumnRef;
  /** Values that pass, folded (white space and case). */
  readonly values: ReadonlySet<string>;
}

export interface Evidence {
  readonly ref: ColumnRef;
  /** An item id, or `general` for general comments. */
  readonly item: string;
}

export interface Mapping {
  /** The mapping file, for findings about it. */
  readonly file: string;
  readonly rubric: string;
  readonly layout: LayoutName | undefined;
  readonly sheet: string | undefined;
  /** Item id → its column, in the file's order. */
  readonly columns: ReadonlyMap<string, ColumnRef>;
  readonly respondent: ReadonlyMap<string, ColumnRef>;
  readonly date: ColumnRef | undefined;
  readonly dateFormat: DateFormat | undefined;
  readonly evidence: readonly Evidence[];
  /** Folded answer text → level. */
  readonly labels: ReadonlyMap<string, number>;
  /** The labels as the mapping writes them, for "the closest label" in a finding. */
  readonly labelTexts: readonly string[];
  /** Folded na words added to the built-in ones. */
  readonly na: ReadonlySet<string>;
  /** Respondent field → folded value → value to use. */
  readonly values: ReadonlyMap<string, ReadonlyMap<string, string>>;
  readonly include: readonly Condition[];
}

export const GENERAL = 'general';
