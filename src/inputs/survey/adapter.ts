/**
 * The one input format for tables: `.csv`, `.tsv`, `.txt` and `.xlsx` survey exports
 * (docs/file-formats.md, "Survey exports"). The layout of a table (svcaudit's own or one of six
 * survey tools') cannot be told from the file's ending, nor from its text before it is decoded and
 * its header rows split: so one adapter takes every table and dispatches on the layout its first
 * rows show, or that the mapping names (layouts.ts holds what tells each layout apart).
 *
 * A comma-separated UTF-8 CSV read without a mapping whose header is not a survey tool's goes to
 * the svcaudit-csv reader, as it always did; everything else to the survey reader, loaded only now.
 */
import { compareFindings, type Finding } from '../../core/finding.js';
import { readHead, STDIN } from '../../core/io/read-input.js';
import { rubricItems, type Rubric } from '../../rubric/model.js';
import type { InputAdapter, InputFile } from '../adapter.js';
import { looksLikeWorkbook } from './detect.js';
import { detectLayout } from './layouts.js';
import { sniffDelimiter } from './sniff-delimiter.js';

/** Enough of the start of a file to hold its header line. */
const HEAD_BYTES = 1 << 16;

export const surveyExport: InputAdapter = {
  async readAnswers(input, rubric, sink, flags) {
    const head = await headOf(input);
    const mapping = flags.mapping;
    const route = mapping === undefined ? ownCsvLayout(input, head, rubric) : undefined;
    if (route !== undefined && route !== 'svcaudit' && flags.skipRubric) {
      // Found by expanding a folder: a table that is neither svcaudit's layout nor read through
      // --map is passed over and counted (docs/file-formats.md, "Where svcaudit finds the files").
      sink.skipped('export');
      return;
    }
    if (route !== undefined) {
      const { svcauditCsv } = await import('../svcaudit-csv/adapter.js');
      await svcauditCsv.readAnswers!(input, rubric, sink, flags);
      return;
    }
    const { readSurveyExport } = await import('./read-survey-export.js');
    let passedOver = false;
    const result = await readSurveyExport(await sourceOf(input), input.file, rubric, mapping, { answerSet: sink.answerSet, finding: sink.finding, row: sink.row }, {
      ...(flags.skipRubric ? { passOver: () => (passedOver = true) } : {}),
      inWorker: flags.parallel,
    });
    if (passedOver) sink.skipped('export');
    for (const e of result.excluded) sink.excluded(e.rule, e.rows);
  },

  async validate(input, rubrics, options) {
    const { file } = input;
    const mapping = options.mapping;
    const lookup = mapping !== undefined ? await rubrics.forAnswers(mapping.rubric) : await rubrics.forCsv();
    if (lookup.kind !== 'found') return { file, kind: 'answers', findings: [] }; // a broken rubric is reported on its own
    const rubric = lookup.rubric;
    const head = await headOf(input);
    const route = mapping === undefined ? ownCsvLayout(input, head, rubric) : undefined;
    if (route !== undefined && route !== 'svcaudit' && options.expanded) return 'passed-over';
    if (route !== undefined) {
      const { svcauditCsv } = await import('../svcaudit-csv/adapter.js');
      return svcauditCsv.validate!(input, rubrics, options);
    }
    const { readSurveyExport } = await import('./read-survey-export.js');
    const findings: Finding[] = [];
    let passedOver = false;
    await readSurveyExport(await sourceOf(input), file, rubric, mapping, { answerSet: () => undefined, finding: (f) => findings.push(f) }, {
      ...(options.expanded ? { passOver: () => (passedOver = true) } : {}),
    });
    if (passedOver) return 'passed-over';
    return { file, kind: 'answers', findings: findings.sort(compareFindings) };
  },
};

/**
 * Whether the svcaudit-csv reader reads a table read without a mapping: a UTF-8, comma-separated
 * `.csv` (or stdin) whose header line is svcaudit's layout (`svcaudit`), or no layout at all
 * (`unknown`: no item id and no survey tool's headers, which that reader reports as such).
 * Undefined for every other table (a tool's export, a `.tsv`, a workbook, another encoding), which
 * the survey reader reads.
 */
function ownCsvLayout(input: InputFile, head: Uint8Array, rubric: Rubric): 'svcaudit' | 'unknown' | undefined {
  if (input.path !== STDIN && !/\.csv$/i.test(input.path)) return undefined;
  if (looksLikeWorkbook(head) || !isUtf8Head(head)) return undefined;
  const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('utf8');
  if (text.startsWith('\uFEFF') || sniffDelimiter(text) !== ',') return undefined;
  const firstRow = headerCells(text);
  const layout = detectLayout([firstRow], rubricItems(rubric).map((item) => item.id));
  if (layout === undefined) return firstRow.some((cell) => cell.trim() !== '') ? 'unknown' : undefined;
  return layout === 'svcaudit' ? 'svcaudit' : undefined;
}

/** UTF-8 up to the head's end (a character cut at the end is no fault), with no UTF-16 byte-order mark. */
function isUtf8Head(head: Uint8Array): boolean {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  if (head.subarray(0, 4096).includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** The cells of the first line, quotes honoured; enough to tell a layout by its first header row. */
function headerCells(text: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') break;
    else cell += c;
  }
  cells.push(cell);
  return cells;
}

async function headOf(input: InputFile): Promise<Uint8Array> {
  if (input.path === STDIN) return (await input.bytes()).subarray(0, HEAD_BYTES);
  return readHead(input.path, HEAD_BYTES);
}

/** A file is streamed from disk; stdin arrives whole. */
async function sourceOf(input: InputFile): Promise<string | Uint8Array> {
  return input.path === STDIN ? input.bytes() : input.path;
}

