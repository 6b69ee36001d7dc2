/**
 * An export's columns as a mapping names them (docs/file-formats.md, "Layouts"): the header text after the
 * layout's header rows are joined, and the tool's own ids where it has them.
 */
import { columnLetter, fold } from './fold.js';
import type { LayoutName } from './layouts.js';

export interface ExportColumn {
  /** 0-based position. */
  readonly index: number;
  /** `A`, `B`, ..., `AA`. */
  readonly letter: string;
  /** The text a mapping names it by. */
  readonly header: string;
  /** The tool's ids: Qualtrics' short name and ImportId, LimeSurvey's question code. */
  readonly ids: readonly string[];
  /** For a grid or matrix row: the question and the row, apart. */
  readonly question?: string;
  readonly option?: string;
}

const RESPONSE_ROW = new Set(['response', 'open-ended response']);

export function buildColumns(layout: LayoutName, headerRows: readonly (readonly string[])[]): ExportColumn[] {
  const width = Math.max(0, ...headerRows.map((r) => r.length));
  const cell = (row: number, i: number) => (headerRows[row]?.[i] ?? '').replace(/\s+/g, ' ').trim();
  const columns: ExportColumn[] = [];
  let question = '';
  for (let i = 0; i < width; i++) {
    const base = { index: i, letter: columnLetter(i) };
    switch (layout) {
      case 'surveymonkey': {
        // A question's text heads its first column only; the blank cells after it continue it.
        if (cell(0, i) !== '') question = cell(0, i);
        const option = cell(1, i);
        const header = option === '' || RESPONSE_ROW.has(fold(option)) ? question : `${question} - ${option}`;
        columns.push({ ...base, header, ids: [], ...(option !== '' && !RESPONSE_ROW.has(fold(option)) ? { question, option } : {}) });
        break;
      }
      case 'qualtrics': {
        const importId = /"ImportId"\s*:\s*"([^"]*)"/.exec(headerRows[2]?.[i] ?? '')?.[1];
        const text = cell(1, i) || cell(0, i);
        const split = / - (?!.* - )/.exec(text); // a matrix row: `Question - Row`, the last ` - `
        columns.push({ ...base, header: text, ids: [cell(0, i), ...(importId ? [importId] : [])].filter(Boolean), ...(split ? { question: text.slice(0, split.index), option: text.slice(split.index + 3) } : {}) });
        break;
      }
      case 'typeform':
        columns.push({ ...base, header: stripHtml(cell(0, i)), ids: [] });
        break;
      case 'limesurvey': {
        const text = cell(0, i);
        const code = /^[A-Za-z][A-Za-z0-9_]*(\[[^\]]*\])*$/.test(text) ? [text] : [];
        columns.push({ ...base, header: text, ids: code, ...grid(text) });
        break;
      }
      default:
        columns.push({ ...base, header: cell(0, i), ids: [], ...grid(cell(0, i)) });
    }
  }
  return columns;
}

/** `Question [Row]`: a Google Forms grid row (also LimeSurvey's `Question [Subquestion]` text headings). */
function grid(header: string): { question?: string; option?: string } {
  const match = /^(.*\S)\s*\[([^\]]+)\]$/.exec(header);
  return match ? { question: match[1]!, option: match[2]!.trim() } : {};
}

/** Typeform writes a question's rich text as HTML in the header; the text is what people see. */
function stripHtml(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" })[e]!)
    .replace(/\s+/g, ' ')
    .trim();
}
