/**
 * A CSV row's answers carry the source `file.csv:<row>`. Completeness is
 * reported per input file, so the row suffix is split off: all rows of one
 * CSV count into one source, and the row number orders quotes within it.
 */
export interface SourceKey {
  /** The input file (the source without a trailing `:<digits>`). */
  readonly file: string;
  /** The CSV row, or -1 for a whole-file source (a YAML answers file, stdin). */
  readonly row: number;
}

// Only a trailing run of digits counts, so a Windows drive (`C:\…`) is left alone.
const ROW_SUFFIX = /^(.*):(\d+)$/s;

export function splitSource(source: string): SourceKey {
  const m = ROW_SUFFIX.exec(source);
  if (m === null || m[1] === undefined || m[1] === '' || m[2] === undefined) return { file: source, row: -1 };
  return { file: m[1], row: Number(m[2]) };
}
