/**
 * The delimiter of a CSV export, told from its header line (docs/file-formats.md, "Files": comma,
 * semicolon or tab). Excel in locales with a decimal comma saves "CSV" with semicolons, and
 * Qualtrics and SurveyMonkey offer tab-separated exports; delimiters inside quotes do not count.
 */
export type Delimiter = ',' | ';' | '\t';
const CANDIDATES: readonly Delimiter[] = [',', ';', '\t'];

/** The delimiter found most often outside quotes on the first line of `head`; comma on a tie or none. */
export function sniffDelimiter(head: string): Delimiter {
  const counts = new Map<Delimiter, number>(CANDIDATES.map((d) => [d, 0]));
  let inQuotes = false;
  for (let i = 0; i < head.length; i++) {
    const c = head[i]!;
    if (c === '"') inQuotes = !inQuotes; // a doubled quote toggles twice: no harm
    else if (!inQuotes && (c === '\n' || c === '\r')) break;
    else if (!inQuotes && counts.has(c as Delimiter)) counts.set(c as Delimiter, counts.get(c as Delimiter)! + 1);
  }
  let best: Delimiter = ',';
  for (const d of CANDIDATES) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** Whether `head` holds a whole first line (outside quotes), so the sniffing has seen all of it. */
export function hasFirstLine(head: string): boolean {
  let inQuotes = false;
  for (let i = 0; i < head.length; i++) {
    const c = head[i]!;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) return true;
  }
  return false;
}
