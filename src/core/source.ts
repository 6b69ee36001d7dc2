/**
 * A file's data as the checks see it: the parsed value and a way to find
 * where a value sits in the text. Kept free of any YAML library so that the
 * checks load without one; `yaml-source.ts` (full reader, with positions)
 * and `quick-yaml.ts` (fast reader, without) both produce it.
 */
import type { Finding, Span } from './finding.js';

export type PathSegment = string | number;

export interface YamlSource {
  readonly file: string;
  /** The parsed data; undefined when the file could not be read as YAML. */
  readonly value: unknown;
  /**
   * Problems found while reading. With `value` undefined they stop further
   * checks (syntax, binary, too complex); with a value (duplicate keys) the
   * checks go on and report these with their own.
   */
  readonly findings: readonly Finding[];
  /**
   * The span of the node at `path` (a JSON-pointer path such as ajv gives).
   * `at: 'key'` points at the key of the last segment (for an unknown key);
   * when the path does not exist, the nearest existing ancestor is used.
   */
  readonly locate: (path: readonly PathSegment[], at?: 'key' | 'value') => Span;
}

export const START: Span = { line: 1, column: 1 };

/**
 * Deeper than any rubric or answers file needs; keeps recursion (yaml's toJS, ajv's) bounded.
 * Both readers use this one limit, so the fast one never accepts what the full one refuses.
 */
export const MAX_DEPTH = 64;

export function locate(source: YamlSource, path: readonly PathSegment[], at: 'key' | 'value' = 'value'): Span {
  return source.locate(path, at);
}
