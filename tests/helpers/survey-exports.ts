/**
 * The same respondents written as each survey tool's export (the layouts of
 * src/inputs/survey/layouts.ts, each as the tool's help pages describe its export) and as YAML
 * answers files, with the mapping a consultant would write for each. Used to build the committed
 * fixtures in tests/fixtures/exports/ and by the round-trip property test.
 */
import { rubricItems, type Rubric } from '../../src/rubric/model.js';
import { xlsx } from './xlsx-writer.js';

export type Cell = number | 'na' | null;

export interface Respondent {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  /** One per rubric item, in rubric order. */
  readonly answers: readonly Cell[];
  /** Evidence for `respond-quickly`. */
  readonly speedWhy?: string;
  readonly comment?: string;
}

export const DATASET: readonly Respondent[] = [
  { id: 'R-001', name: 'Dana', role: 'customer', date: '2026-11-03', answers: [4, 2, 3, 'na', 5, 4, 3, 4, 4, 3, null, null, 4], speedWhy: 'Waited 14 min on hold', comment: 'Overall the shop staff are lovely' },
  { id: 'R-002', name: 'Eli', role: 'staff', date: '2026-11-04', answers: [5, 3, 4, 4, null, 3, 4, 5, 4, 4, 3, 2, 3] },
  { id: 'R-003', name: 'Siân', role: 'customer', date: '2026-11-13', answers: [3, 1, 2, 3, 4, 'na', 3, 3, 2, 2, null, null, 2], speedWhy: 'Nobody called back, "twice"' },
  { id: 'R-004', name: 'Femi', role: 'manager', date: '2026-11-20', answers: [4, 3, 4, 4, 4, 4, null, 4, 5, 4, 3, 4, 4], comment: 'Training has improved a lot;\nthe new starters know the systems' },
  { id: 'R-005', name: 'Gus', role: 'staff', date: '2026-12-01', answers: [2, 2, 3, 3, 3, 2, 2, 3, 3, 'na', 2, 2, 3] },
];

export const EXPORT_KINDS = ['google-forms', 'microsoft-forms', 'surveymonkey', 'qualtrics', 'typeform', 'limesurvey', 'svcaudit-tab', 'svcaudit-utf16', 'svcaudit-windows-1252'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface WrittenExport {
  readonly file: string;
  readonly bytes: Buffer;
  /** The mapping file's text; undefined for the svcaudit layout, read without one. */
  readonly mapping: string | undefined;
  /** Whether the export carries the evidence and comments (the svcaudit layout has no place for them). */
  readonly quotes: boolean;
}

const AGREE = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];

function csvCell(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}

function csv(rows: ReadonlyArray<ReadonlyArray<string>>, delimiter = ',', eol = '\r\n'): string {
  return rows.map((r) => r.map((c) => csvCell(c, delimiter)).join(delimiter)).join(eol) + eol;
}

const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];
const pad = (n: number) => String(n).padStart(2, '0');

/** Days since 1899-12-30 plus a time of day: a spreadsheet serial date. */
export function serial(iso: string, hours = 10.25): number {
  const [y, m, d] = parts(iso);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000 + hours / 24;
}

/** The item's question as a survey would put it: the prompt, which names what the item is about. */
function question(rubric: Rubric, index: number): string {
  return rubricItems(rubric)[index]!.prompt;
}

function label(rubric: Rubric, level: number): string {
  return rubric.scale.labels.get(level)!;
}

const MAP_HEAD = (rubric: Rubric, layout: string) => `svcaudit: 1\nkind: mapping\nrubric: ${rubric.id}\nlayout: ${layout}\n`;

function itemColumns(rubric: Rubric, ref: (index: number) => string): string {
  return `columns:\n${rubricItems(rubric).map((item, i) => `  ${item.id}: ${ref(i)}`).join('\n')}\n`;
}

const q = (text: string) => JSON.stringify(text);
const SPEED_WHY = 'Why that rating for speed?';
const ANYTHING_ELSE = 'Anything else about our service?';
const QUOTE_MAP = `evidence:\n  - {column: ${q(SPEED_WHY)}, item: respond-quickly}\n  - {column: ${q(ANYTHING_ELSE)}, item: general}\n`;

export function writeExport(kind: ExportKind, respondents: readonly Respondent[], rubric: Rubric): WrittenExport {
  const n = rubricItems(rubric).length;
  const cells = (r: Respondent, render: (level: number) => string, na: string) => r.answers.map((a) => (a === null ? '' : a === 'na' ? na : render(a)));
  switch (kind) {
    case 'google-forms': {
      // A grid question: one column per row, `Question [Row]`; answers as the grid's column labels.
      const grid = (i: number) => `How much do you agree? [${question(rubric, i)}]`;
      const header = ['Timestamp', 'Email Address', 'Your reference number', 'Your name', 'Which best describes you?', ...Array.from({ length: n }, (_, i) => grid(i)), SPEED_WHY, ANYTHING_ELSE];
      const rows = respondents.map((r) => {
        const [y, m, d] = parts(r.date);
        return [`${y}/${pad(m)}/${pad(d)} 10:15:00 AM GMT`, `${r.id.toLowerCase()}@example.com`, r.id, r.name, { customer: 'Client', staff: 'Employee', manager: 'Manager' }[r.role] ?? r.role, ...cells(r, (v) => AGREE[v - 1]!, "Don't know"), r.speedWhy ?? '', r.comment ?? ''];
      });
      const labels = `labels: {${AGREE.map((a, i) => `${q(a)}: ${i + 1}`).join(', ')}}\n`;
      const mapping = `${MAP_HEAD(rubric, 'google-forms')}${itemColumns(rubric, (i) => q(grid(i)))}respondent:\n  id: Your reference number\n  name: Your name\n  role: Which best describes you?\ndate: Timestamp\n${QUOTE_MAP}${labels}values: {role: {Client: customer, Employee: staff, Manager: manager}}\n`;
      return { file: 'google-forms.csv', bytes: Buffer.from(csv([header, ...rows]), 'utf8'), mapping, quotes: true };
    }
    case 'microsoft-forms': {
      const header = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Your role', ...Array.from({ length: n }, (_, i) => question(rubric, i)), SPEED_WHY, ANYTHING_ELSE];
      const rows = respondents.map((r, i) => [i + 1, serial(r.date, 10), serial(r.date), 'anonymous', r.name, r.role, ...r.answers.map((a) => (a === null ? '' : a === 'na' ? 'N/A' : a)), r.speedWhy ?? '', r.comment ?? '']);
      // The respondent id is not in a Forms export: it is asked as a question here.
      const withId = [[...header, 'Reference'], ...rows.map((row, i) => [...row, respondents[i]!.id])];
      const mapping = `${MAP_HEAD(rubric, 'microsoft-forms')}sheet: Form1\n${itemColumns(rubric, (i) => q(question(rubric, i)))}respondent:\n  id: Reference\n  name: Name\n  role: Your role\ndate: Completion time\n${QUOTE_MAP}`;
      return { file: 'microsoft-forms.xlsx', bytes: xlsx(withId, { sheetName: 'Form1', shared: true }), mapping, quotes: true };
    }
    case 'surveymonkey': {
      // A matrix: its question over the first column only, each row's text in row 2; labels carrying their level.
      const matrix = 'How would you rate us on each of these?';
      const row1 = ['Respondent ID', 'Collector ID', 'Start Date', 'End Date', 'IP Address', 'Email Address', 'First Name', 'Last Name', 'Custom Data 1', 'What is your role?', matrix, ...Array.from({ length: n - 1 }, () => ''), SPEED_WHY, ANYTHING_ELSE];
      const row2 = ['', '', '', '', '', '', '', '', '', 'Response', ...Array.from({ length: n }, (_, i) => rubricItems(rubric)[i]!.title), 'Open-Ended Response', 'Open-Ended Response'];
      const rows = respondents.map((r, i) => {
        const [y, m, d] = parts(r.date);
        const stamp = `${pad(m)}/${pad(d)}/${y} 10:15:00 AM`;
        return [String(11_400_000_000 + i), '431234567', stamp, stamp, '', '', r.name, '', r.id, r.role, ...cells(r, (v) => `${v} - ${label(rubric, v)}`, 'Not applicable'), r.speedWhy ?? '', r.comment ?? ''];
      });
      const mapping = `${MAP_HEAD(rubric, 'surveymonkey')}${itemColumns(rubric, (i) => q(`${matrix} - ${rubricItems(rubric)[i]!.title}`))}respondent:\n  id: Custom Data 1\n  name: First Name\n  role: What is your role?\ndate: End Date\n${QUOTE_MAP}`;
      return { file: 'surveymonkey.csv', bytes: Buffer.from(csv([row1, row2, ...rows]), 'utf8'), mapping, quotes: true };
    }
    case 'qualtrics': {
      const meta = ['StartDate', 'EndDate', 'Status', 'IPAddress', 'Progress', 'Duration (in seconds)', 'Finished', 'RecordedDate', 'ResponseId', 'RecipientLastName', 'RecipientFirstName', 'RecipientEmail', 'ExternalReference', 'UserLanguage'];
      const metaText = ['Start Date', 'End Date', 'Response Type', 'IP Address', 'Progress', 'Duration (in seconds)', 'Finished', 'Recorded Date', 'Response ID', 'Recipient Last Name', 'Recipient First Name', 'Recipient Email', 'External Data Reference', 'User Language'];
      const metaIds = ['startDate', 'endDate', 'status', 'ipAddress', 'progress', 'duration', 'finished', 'recordedDate', '_recordId', 'recipientLastName', 'recipientFirstName', 'recipientEmail', 'externalDataReference', 'userLanguage'];
      const matrix = 'How consistently do we do each of these?';
      const row1 = [...meta, 'Q1', ...Array.from({ length: n }, (_, i) => `Q2_${i + 1}`), 'Q3', 'Q4'];
      const row2 = [...metaText, 'What is your role?', ...Array.from({ length: n }, (_, i) => `${matrix} - ${rubricItems(rubric)[i]!.title}`), SPEED_WHY, ANYTHING_ELSE];
      const row3 = [...metaIds, 'QID1', ...Array.from({ length: n }, (_, i) => `QID2_${i + 1}`), 'QID3_TEXT', 'QID4_TEXT'].map((id) => JSON.stringify({ ImportId: id }));
      const line = (r: Respondent, status: string, finished: string, i: number) => {
        const stamp = `${r.date} 10:15:00`;
        return [stamp, stamp, status, '', finished === 'True' ? '100' : '40', '120', finished, stamp, `R_${i}abcDEF`, '', r.name, '', r.id, 'EN', r.role, ...cells(r, String, '-99'), r.speedWhy ?? '', r.comment ?? ''];
      };
      const rows = respondents.map((r, i) => line(r, 'IP Address', 'True', i));
      // A preview and an unfinished response, which the layout leaves out and counts.
      const extra = respondents.length > 0 ? [line(respondents[0]!, 'Survey Preview', 'True', 90), line(respondents[0]!, 'IP Address', 'False', 91)] : [];
      const mapping = `${MAP_HEAD(rubric, 'qualtrics')}${itemColumns(rubric, (i) => `{id: Q2_${i + 1}}`)}respondent:\n  id: {id: ExternalReference}\n  name: {id: RecipientFirstName}\n  role: {id: QID1}\ndate: {id: RecordedDate}\nevidence:\n  - {column: {id: Q3}, item: respond-quickly}\n  - {column: {id: QID4_TEXT}, item: general}\nna: [-99]\n`;
      return { file: 'qualtrics.csv', bytes: Buffer.from(csv([row1, row2, row3, ...rows.slice(0, 1), ...extra, ...rows.slice(1)]), 'utf8'), mapping, quotes: true };
    }
    case 'typeform': {
      // Typeform keeps a question's rich text in the header; labels as `Label (level)`.
      const header = ['#', 'What is your <strong>name</strong>?', 'Your reference', 'Your role', ...Array.from({ length: n }, (_, i) => `<em>${rubricItems(rubric)[i]!.title}</em>: ${question(rubric, i)}`), SPEED_WHY, ANYTHING_ELSE, 'Response Type', 'Start Date (UTC)', 'Stage Date (UTC)', 'Submit Date (UTC)', 'Network ID', 'Tags'];
      const line = (r: Respondent, type: string, i: number) => [`tok${i}x9`, r.name, r.id, r.role, ...cells(r, (v) => `${label(rubric, v)} (${v})`, 'n/a'), r.speedWhy ?? '', r.comment ?? '', type, `${r.date} 10:00:00`, '', type === 'completed' ? `${r.date} 10:15:00` : '', 'abc123', ''];
      const rows = respondents.map((r, i) => line(r, 'completed', i));
      const extra = respondents.length > 0 ? [line(respondents[0]!, 'partial', 99)] : [];
      const mapping = `${MAP_HEAD(rubric, 'typeform')}${itemColumns(rubric, (i) => q(`${rubricItems(rubric)[i]!.title}: ${question(rubric, i)}`))}respondent:\n  id: Your reference\n  name: What is your name?\n  role: Your role\ndate: Submit Date (UTC)\n${QUOTE_MAP}`;
      return { file: 'typeform.csv', bytes: Buffer.from(csv([header, ...extra, ...rows]), 'utf8'), mapping, quotes: true };
    }
    case 'limesurvey': {
      // Question codes as headings, answer codes as responses, `;` as delimiter and a byte-order mark.
      const header = ['id', 'submitdate', 'lastpage', 'startlanguage', 'seed', 'startdate', 'datestamp', 'ref', 'name', 'role', ...Array.from({ length: n }, (_, i) => `SQ[SQ${String(i + 1).padStart(3, '0')}]`), 'WHY', 'ELSE'];
      const line = (r: Respondent, i: number, submitted: boolean) => [String(i + 1), submitted ? `${r.date} 10:15:00` : '', submitted ? '3' : '1', 'en', '12345', `${r.date} 10:00:00`, `${r.date} 10:15:00`, r.id, r.name, r.role, ...cells(r, (v) => `A${v}`, 'DK'), r.speedWhy ?? '', r.comment ?? ''];
      const rows = respondents.map((r, i) => line(r, i, true));
      const extra = respondents.length > 0 ? [line(respondents[0]!, 98, false)] : [];
      const mapping = `${MAP_HEAD(rubric, 'limesurvey')}${itemColumns(rubric, (i) => `{id: "SQ[SQ${String(i + 1).padStart(3, '0')}]"}`)}respondent:\n  id: {id: ref}\n  name: {id: name}\n  role: {id: role}\ndate: {id: submitdate}\nevidence:\n  - {column: {id: WHY}, item: respond-quickly}\n  - {column: {id: ELSE}, item: general}\nlabels: {A1: 1, A2: 2, A3: 3, A4: 4, A5: 5}\nna: [DK]\n`;
      return { file: 'limesurvey.csv', bytes: Buffer.from(`\uFEFF${csv([header, ...rows, ...extra], ';')}`, 'utf8'), mapping, quotes: true };
    }
    default: {
      // The svcaudit layout (item ids as headers), read without a mapping.
      const ids = rubricItems(rubric).map((item) => item.id);
      const dmy = kind === 'svcaudit-tab';
      const header = ['id', 'name', 'role', 'date', ...ids];
      const rows = respondents.map((r) => {
        const [y, m, d] = parts(r.date);
        return [r.id, r.name, r.role, dmy ? `${pad(d)}/${pad(m)}/${y}` : r.date, ...cells(r, String, 'na')];
      });
      if (kind === 'svcaudit-tab') return { file: 'svcaudit.tsv', bytes: Buffer.from(csv([header, ...rows], '\t', '\n'), 'utf8'), mapping: undefined, quotes: false };
      const text = csv([header, ...rows]);
      if (kind === 'svcaudit-utf16') return { file: 'svcaudit-utf16.csv', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), mapping: undefined, quotes: false };
      return { file: 'svcaudit-windows-1252.csv', bytes: Buffer.from(text, 'latin1'), mapping: undefined, quotes: false };
    }
  }
}

/** A respondent as a YAML answers file (every value JSON-quoted, which YAML reads as it is). */
export function answersYaml(r: Respondent, rubric: Rubric): string {
  const items = rubricItems(rubric);
  const lines = ['svcaudit: 1', 'kind: answers', `rubric: ${rubric.id}`, 'respondent:', `  id: ${q(r.id)}`, `  name: ${q(r.name)}`, `  role: ${q(r.role)}`, `date: ${q(r.date)}`, 'answers:'];
  r.answers.forEach((a, i) => {
    const id = items[i]!.id;
    if (a === null && !(id === 'respond-quickly' && r.speedWhy)) return;
    const score = a === 'na' ? 'na' : a === null ? 'null' : String(a);
    if (id === 'respond-quickly' && r.speedWhy) lines.push(`  ${id}: {score: ${score}, evidence: [${q(r.speedWhy)}]}`);
    else lines.push(`  ${id}: ${score}`);
  });
  if (r.comment) lines.push(`comments: [${q(r.comment)}]`);
  return `${lines.join('\n')}\n`;
}
