/**
 * A CSV row's answers carry the source `file.csv:<row>`. Completeness is
 * reported per input file, so the row suffix is split off: all rows of one
 * CSV count into one source, and the row number orders quotes within it.
 */
interface SourceKey {
  /** The input file (the source without a trailing `:<digits>`). */
  readonly file: string;
  /** The CSV row, or -1 for a whole-file source (a YAML answers file, stdin). */
  readonly row: number;
}

/** Called once per respondent (a million times for a large survey), so it scans rather than runs a regex. */
export function splitSource(source: string): SourceKey {
  // Only a trailing run of digits counts, so a Windows drive (`C:\…`) is left alone.
  const colon = source.lastIndexOf(':');
  if (colon <= 0 || colon === source.length - 1) return { file: source, row: -1 };
  for (let i = colon + 1; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return { file: source, row: -1 };
  }
  return { file: source.slice(0, colon), row: Number(source.slice(colon + 1)) };
}
