/**
 * The survey tools' export layouts (docs/file-formats.md, "Layouts"), each recognised by its first rows.
 * Each tool's export as its help pages describe it:
 * - Google Forms: "Download responses (.csv)": `Timestamp` first; a multiple-choice grid gives one
 *   column per row, headed `Question [Row]`.
 * - Microsoft Forms: "Open in Excel": `ID`, `Start time`, `Completion time`, `Email`, `Name`, then
 *   one column per question.
 * - SurveyMonkey: "All responses data", expanded: two header rows, metadata columns
 *   `Respondent ID`, `Collector ID`, `Start Date`, ...; a question's columns have its text over the
 *   first only, and row 2 names each option, or `Response` / `Open-Ended Response`.
 * - Qualtrics: "Export data", CSV: row 1 the short names (`StartDate`, `Status`, `Finished`,
 *   `Q1`, `Q2_1`), row 2 the question text, row 3 `{"ImportId":"QID2_1"}` (the
 *   layout the R package qualtRics' read_survey() reads).
 * - Typeform: "Download responses": `#` first, the questions (with their rich-text markup), then
 *   `Response Type`, `Start Date (UTC)`, `Stage Date (UTC)`, `Submit Date (UTC)`, `Network ID`, `Tags`.
 * - LimeSurvey: "Export results", headings as question codes: `id`, `submitdate`, `lastpage`,
 *   `startlanguage`, `seed`, ..., `Q1`, `Q2[SQ001]`.
 */
import { fold } from './fold.js';

export const LAYOUT_NAMES = ['svcaudit', 'google-forms', 'microsoft-forms', 'surveymonkey', 'qualtrics', 'typeform', 'limesurvey'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

/** How many rows each layout's header takes. */
export const HEADER_ROWS: Readonly<Record<LayoutName, number>> = {
  svcaudit: 1,
  'google-forms': 1,
  'microsoft-forms': 1,
  surveymonkey: 2,
  qualtrics: 3,
  typeform: 1,
  limesurvey: 1,
};

/** The rows detection needs: the most header rows any layout has. */
export const DETECT_ROWS = 3;

const KEBAB_WITH_DASH = /^[a-z0-9]+(-[a-z0-9]+)+$/;

/**
 * The layout of an export from its first rows (up to three), or undefined when none fits.
 * `itemIds`: the rubric's item ids, for the `svcaudit` layout (headers that are item ids);
 * without them a header that looks like one (`be-nice`) is taken as such.
 */
export function detectLayout(headRows: readonly (readonly string[])[], itemIds?: Iterable<string>): LayoutName | undefined {
  const first = (headRows[0] ?? []).map(fold);
  const has = (name: string) => first.includes(name);
  if ((headRows[2] ?? []).some((cell) => /^\s*\{\s*"ImportId"\s*:/.test(cell))) return 'qualtrics';
  if (has('respondent id') && has('collector id')) return 'surveymonkey';
  if (first[0] === '#' && has('submit date (utc)')) return 'typeform';
  if (['id', 'submitdate', 'lastpage', 'startlanguage'].every(has)) return 'limesurvey';
  if (['id', 'start time', 'completion time'].every(has)) return 'microsoft-forms';
  if (first[0] === 'timestamp') return 'google-forms';
  const ids = itemIds ? new Set([...itemIds].map((id) => id.toLowerCase())) : undefined;
  if (first.some((h) => (ids ? ids.has(h) : KEBAB_WITH_DASH.test(h)))) return 'svcaudit';
  return undefined;
}
