/**
 * The delimiter of a CSV export, told from its header line (docs/file-formats.md, "Files": comma,
 * semicolon or tab). Excel in locales with a decimal comma saves "CSV" with semicolons, and
 * Qualtrics and SurveyMonkey offer tab-separated exports; delimiters inside quotes do not count.
 */
import { MAX_ROW } from './limits.js';

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

/**
 * The text from the start up to and past its whole first line (or past MAX_ROW characters, a
 * header the readers then refuse), read from `text` piece by piece: what the delimiter is sniffed
 * from, and the first text each reader then reads.
 */
export async function readHeaderText(text: AsyncIterator<string>): Promise<string> {
  let head = '';
  while (!hasFirstLine(head) && head.length <= MAX_ROW) {
    const next = await text.next();
    if (next.done) break;
    head += next.value;
  }
  return head;
}

/** Whether `head` holds a whole first line (outside quotes), so the sniffing has seen all of it. */
function hasFirstLine(head: string): boolean {
  let inQuotes = false;
  for (let i = 0; i < head.length; i++) {
    const c = head[i]!;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) return true;
  }
  return false;
}
