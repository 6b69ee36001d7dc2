/**
 * `svcaudit map <export>` (docs/file-formats.md, "Proposing a mapping"): a proposed mapping, as YAML text to review. Each item goes
 * to the rating column whose header is closest to its title and prompt (similarity.ts); the
 * layout's respondent and date columns are named; every distinct answer text is listed under
 * `labels:` with the level it proposes (the rubric's labels, a number in the text, or a known
 * scale); free-text columns become evidence. What is unsure is written commented out with the
 * reason, so nothing is guessed silently, and the text validates as it is (a test holds this).
 */
import type { Rubric } from '../../rubric/model.js';
import { rubricItems } from '../../rubric/model.js';
import { isLevel } from '../../rubric/scale.js';
import { carriedLevel, NA_WORDS } from './cell-score.js';
import type { ExportColumn } from './columns.js';
import { fold } from './fold.js';
import { bestScale, pointLevel } from './known-scales.js';
import type { LayoutName } from './layouts.js';
import type { ColumnProfile, ExportProfile } from './profile-export.js';
import { ItemMatcher } from './similarity.js';

/** Similarity at which a match is written; below it, or too near the runner-up, it is commented out. */
const CONFIDENT = 0.3;
const MARGIN = 0.05;

/** Columns each tool adds about the response rather than the respondent's answers (folded header or id). */
const META: Readonly<Record<LayoutName, readonly string[]>> = {
  svcaudit: [],
  'google-forms': ['timestamp', 'email address', 'score'],
  'microsoft-forms': ['id', 'start time', 'completion time', 'email', 'name', 'last modified time', 'total points', 'quiz feedback'],
  surveymonkey: ['respondent id', 'collector id', 'start date', 'end date', 'ip address', 'email address', 'first name', 'last name', 'custom data 1'],
  qualtrics: ['startdate', 'enddate', 'status', 'ipaddress', 'progress', 'duration (in seconds)', 'finished', 'recordeddate', 'responseid', 'recipientlastname', 'recipientfirstname', 'recipientemail', 'externalreference', 'locationlatitude', 'locationlongitude', 'distributionchannel', 'userlanguage'],
  typeform: ['#', 'response type', 'start date (utc)', 'stage date (utc)', 'submit date (utc)', 'network id', 'tags', 'ending'],
  limesurvey: ['id', 'submitdate', 'lastpage', 'startlanguage', 'seed', 'startdate', 'datestamp', 'ipaddr', 'refurl'],
};
/** The fieldwork date and the respondent id, per layout, in order of preference. */
const DATE: Readonly<Record<LayoutName, readonly string[]>> = {
  svcaudit: ['date'],
  'google-forms': ['timestamp'],
  'microsoft-forms': ['completion time'],
  surveymonkey: ['end date', 'start date'],
  qualtrics: ['recordeddate', 'enddate'],
  typeform: ['submit date (utc)'],
  limesurvey: ['submitdate'],
};
const RESPONDENT_ID: Readonly<Record<LayoutName, readonly string[]>> = {
  svcaudit: ['id'],
  'google-forms': [],
  'microsoft-forms': ['id'],
  surveymonkey: ['respondent id'],
  qualtrics: ['responseid'],
  typeform: ['#'],
  limesurvey: ['id'],
};
const ROLE_HEADER = /\brole\b|describes you|are you (a|an)\b|capacity/i;
const NAME_HEADER = /^(your )?(full |first )?name\??$|what is your name/i;
const ID_HEADER = /\b(id|reference|ref)\b|reference number/i;
/** Headers that ask for a remark rather than about one item. */
const GENERAL_HEADER = /anything else|any other|other comments?|comments?\b|feedback|suggestions?/i;
/** Evidence is matched to an item only when the header is clearly about it. */
const EVIDENCE_MATCH = 0.45;
/** LimeSurvey's and SPSS-style answer codes (`A1`, `AO03`): a level is likely in them, but not sure. */
const ANSWER_CODE = /^[a-z]{1,3}\d{1,2}$/;

const q = (text: string) => JSON.stringify(text); // a JSON string is a YAML double-quoted scalar

export function proposeMapping(profile: ExportProfile, rubric: Rubric): string {
  const layout = profile.layout;
  const items = rubricItems(rubric);
  const ids = new Set(items.map((i) => i.id));
  const names = (c: ExportColumn) => [fold(c.header), ...c.ids.map(fold)];
  const isNamed = (c: ExportColumn, list: readonly string[]) => names(c).some((n) => list.includes(n));
  const headerCounts = new Map<string, number>();
  for (const { column } of profile.columns) headerCounts.set(fold(column.header), (headerCounts.get(fold(column.header)) ?? 0) + 1);
  const ref = (c: ExportColumn): string => {
    const id = c.ids[0];
    if (id !== undefined && (layout === 'qualtrics' || layout === 'limesurvey') && profile.columns.filter((p) => p.column.ids.includes(id)).length === 1) return `{id: ${q(id)}}`;
    return c.header !== '' && headerCounts.get(fold(c.header)) === 1 ? q(c.header) : `{column: ${c.letter}}`;
  };

  const isMetaColumn = (p: ColumnProfile) => layout !== undefined && isNamed(p.column, META[layout]);
  const used = new Set<number>();
  const meta = profile.columns.filter((p) => layout !== undefined && isNamed(p.column, META[layout]));
  const dateColumn = layout ? DATE[layout].map((name) => profile.columns.find((p) => names(p.column).includes(name))).find(Boolean) : undefined;
  const respondent: Array<[string, ColumnProfile, string]> = [];
  const idColumn = layout ? RESPONDENT_ID[layout].map((name) => profile.columns.find((p) => names(p.column).includes(name))).find(Boolean) : undefined;
  if (idColumn) respondent.push(['id', idColumn, `the ${layout} response id`]);
  for (const p of profile.columns) {
    if (p === idColumn || p === dateColumn) continue;
    if (layout === 'svcaudit' && !ids.has(fold(p.column.header)) && p.column.header !== '') respondent.push([fold(p.column.header) === 'date' ? '' : p.column.header, p, 'a respondent field']);
    else if (layout !== 'svcaudit' && ROLE_HEADER.test(p.column.header) && !respondent.some(([f]) => f === 'role')) respondent.push(['role', p, 'the header asks for a role']);
    else if (NAME_HEADER.test(p.column.header) && !respondent.some(([f]) => f === 'name')) respondent.push(['name', p, 'the header asks for a name']);
    else if (layout !== 'svcaudit' && ID_HEADER.test(p.column.header) && !respondent.some(([f]) => f === 'id') && !isMetaColumn(p)) respondent.push(['id', p, 'the header asks for a reference']);
  }
  const respondentFields = respondent.filter(([field]) => field !== '');
  for (const [, p] of respondentFields) used.add(p.column.index);
  if (dateColumn) used.add(dateColumn.column.index);
  for (const p of meta) used.add(p.column.index);

  const book = rubricLabels(rubric);
  const rating = profile.columns.filter((p) => !used.has(p.column.index) && isRating(p, rubric, book));
  const freeText = profile.columns.filter((p) => !used.has(p.column.index) && !rating.includes(p) && isFreeText(p));

  // Items ↔ rating columns: the best pairs first, each column and item once.
  const matcher = new ItemMatcher(items);
  const ranks = new Map(rating.map((p) => [p.column.index, layout === 'svcaudit' && ids.has(fold(p.column.header)) ? [{ id: fold(p.column.header), score: 1 }] : matcher.rank(p.column.header)]));
  const pairs = rating.flatMap((p) => ranks.get(p.column.index)!.map((r) => ({ p, id: r.id, score: r.score }))).sort((a, b) => b.score - a.score);
  const chosen = new Map<string, { p: ColumnProfile; score: number; sure: boolean; reason: string }>();
  const taken = new Set<number>();
  for (const pair of pairs) {
    if (chosen.has(pair.id) || taken.has(pair.p.column.index) || pair.score <= 0) continue;
    const others = ranks.get(pair.p.column.index)!.filter((r) => r.id !== pair.id && !chosen.has(r.id));
    const runnerUp = others[0];
    const sure = pair.score >= CONFIDENT && (runnerUp === undefined || pair.score - runnerUp.score >= MARGIN);
    const reason = sure
      ? layout === 'svcaudit' ? 'the header is the item id' : `similarity ${pair.score.toFixed(2)}`
      : pair.score < CONFIDENT || runnerUp === undefined
        ? `unsure: the header shares few words with the item (similarity ${pair.score.toFixed(2)})`
        : `unsure: the header is almost as close to \`${runnerUp.id}\` (${pair.score.toFixed(2)} against ${runnerUp.score.toFixed(2)})`;
    chosen.set(pair.id, { p: pair.p, score: pair.score, sure, reason });
    taken.add(pair.p.column.index);
  }

  const out: string[] = [];
  const unusedRating = rating.filter((p) => !taken.has(p.column.index));
  out.push(`# A proposed mapping for ${profile.file}: ${layout ? `a ${layout} export` : 'an export of no known layout'}, ${profile.rows} row${profile.rows === 1 ? '' : 's'}.`);
  out.push('# Review every line (commented-out lines are what svcaudit was unsure of, with the reason),');
  out.push(`# then: svcaudit score ${profile.file} --map THIS-FILE.yaml`);
  out.push('svcaudit: 1', 'kind: mapping', `rubric: ${rubric.id}${rubric.version ? `@${rubric.version}` : ''}`);
  if (layout) out.push(`layout: ${layout}`);
  else out.push('# layout: the first rows match no known layout; the first row is read as the header');
  const itemLines = items.map((item) => {
    const c = chosen.get(item.id);
    if (!c) return `  # ${item.id}: no rating column looks like it (${item.title})`;
    return c.sure ? `  ${item.id}: ${ref(c.p.column)}  # ${c.reason}` : `  # ${item.id}: ${ref(c.p.column)}  # ${c.reason}`;
  });
  block(out, 'columns', itemLines);
  for (const p of unusedRating) out.push(`  # column ${p.column.letter} ${q(p.column.header)} looks like ratings but matches no item left`);
  block(out, 'respondent', respondentFields.map(([field, p, why]) => `  ${/^[\w-]+$/.test(field) ? field : q(field)}: ${ref(p.column)}  # ${why}`));
  if (dateColumn) out.push(`date: ${ref(dateColumn.column)}  # the ${layout} ${layout === 'svcaudit' ? 'date column' : 'timestamp'}`);
  const evidence = freeText.map((p) => {
    const best = matcher.rank(p.column.header)[0];
    const item = best && best.score >= EVIDENCE_MATCH && !GENERAL_HEADER.test(p.column.header) ? best.id : 'general';
    const why = item === 'general' ? 'free text, matched to no item' : `free text about \`${item}\` (similarity ${best!.score.toFixed(2)})`;
    return `  - {column: ${ref(p.column)}, item: ${item}}  # ${why}`;
  });
  if (evidence.length > 0) out.push('evidence:', ...evidence);
  const answerColumns = [...[...chosen.values()].map((c) => c.p), ...unusedRating];
  block(out, 'labels', labelLines(answerColumns, rubric, book));
  naBlock(out, naLines(answerColumns, rubric, layout));
  return `${out.join('\n')}\n`;
}

/** Codes some tools write for a question seen and left unanswered (docs/file-formats.md, "Cells"). */
const TOOL_NA_CODES: Partial<Record<LayoutName, { readonly codes: readonly string[]; readonly why: string }>> = {
  qualtrics: { codes: ['-99'], why: 'Qualtrics writes -99 for a question seen and not answered' },
};

/**
 * Numbers in the answer columns that are no level of the scale: a tool's own code for "not
 * answered" is listed under `na`; any other is commented out, since it could be a typo or a
 * "don't know" code that only the survey's author can tell.
 */
function naLines(columns: readonly ColumnProfile[], rubric: Rubric, layout: LayoutName | undefined): string[] {
  const known = layout ? TOOL_NA_CODES[layout] : undefined;
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const p of columns) {
    for (const text of p.values?.keys() ?? []) {
      const folded = fold(text);
      if (!/^[+-]?\d+(\.0+)?$/.test(folded) || isLevel(Number(folded), rubric.scale) || seen.has(folded)) continue;
      seen.add(folded);
      if (known?.codes.includes(folded)) lines.push(`  - ${q(text)}  # ${known.why}`);
      else lines.push(`  # - ${q(text)}  # unsure: off the scale (${rubric.scale.min} to ${rubric.scale.max}); list it here if it stands for "don't know", or correct the cells`);
    }
  }
  return lines;
}

/** `na:` with its items, or `na: []` followed by them when all are commented out. */
function naBlock(out: string[], lines: readonly string[]): void {
  if (lines.length === 0) return;
  out.push(lines.some((l) => !l.trimStart().startsWith('#')) ? 'na:' : 'na: []', ...lines);
}

/** `key:` with its lines, or `key: {}` followed by them when all are commented out (a YAML key with no value is null). */
function block(out: string[], key: string, lines: readonly string[]): void {
  if (lines.length === 0) return;
  out.push(lines.some((l) => !l.trimStart().startsWith('#')) ? `${key}:` : `${key}: {}`, ...lines);
}

function rubricLabels(rubric: Rubric): Map<string, number> {
  return new Map([...rubric.scale.labels].map(([level, label]) => [fold(label), level]));
}

/** A value that reads as an answer on its own: a level, an na word, or a label the rubric knows or the text carries. */
function selfEvident(value: string, book: ReadonlyMap<string, number>): boolean {
  const text = fold(value);
  if (NA_WORDS.includes(text) || book.has(text)) return true;
  if (/^[+-]?\d+(\.0+)?$/.test(text)) return true;
  return carriedLevel(text) !== undefined;
}

/** Few distinct short values, each a level, a label, or a point of a known scale. */
function isRating(p: ColumnProfile, rubric: Rubric, book: ReadonlyMap<string, number>): boolean {
  if (!p.values || p.values.size === 0 || p.longest > 60) return false;
  const texts = [...p.values.keys()].filter((v) => !selfEvident(v, book)).map(fold);
  if (texts.length === 0 || texts.every((t) => ANSWER_CODE.test(t))) return true;
  const scale = bestScale(texts, rubric.scale.max - rubric.scale.min + 1);
  return scale !== undefined && scale.points.size === texts.length;
}

/** Text people wrote: many distinct values, long ones, or sentences of three words and more. */
function isFreeText(p: ColumnProfile): boolean {
  return p.filled > 0 && (p.values === undefined || p.longest > 30 || [...p.values.keys()].some((v) => v.split(/\s+/).length >= 3));
}

function labelLines(columns: readonly ColumnProfile[], rubric: Rubric, book: ReadonlyMap<string, number>): string[] {
  const { min, max } = rubric.scale;
  const levels = max - min + 1;
  const proposals = new Map<string, { text: string; level: number | undefined; why: string; sure: boolean; conflict?: string }>();
  for (const p of columns) {
    const texts = [...(p.values?.keys() ?? [])];
    const unknown = texts.filter((t) => !selfEvident(t, book)).map(fold);
    const scale = bestScale(unknown, levels);
    for (const text of texts) {
      const folded = fold(text);
      if (NA_WORDS.includes(folded) || /^[+-]?\d+(\.0+)?$/.test(folded)) continue;
      let proposal: { text: string; level: number | undefined; why: string; sure: boolean };
      const carried = carriedLevel(folded);
      if (book.has(folded)) proposal = { text, level: book.get(folded)!, why: "the rubric's label", sure: true };
      else if (carried !== undefined) {
        proposal = isLevel(carried, rubric.scale)
          ? { text, level: carried, why: 'the number in the text', sure: true }
          : { text, level: undefined, why: `unsure: the number in the text (${carried}) is off the scale (${min} to ${max})`, sure: false };
      } else if (ANSWER_CODE.test(folded)) {
        const level = Number(/\d+$/.exec(folded)![0]);
        proposal = isLevel(level, rubric.scale)
          ? { text, level, why: 'unsure: an answer code; check in the survey which level it stands for', sure: false }
          : { text, level: undefined, why: 'unsure: an answer code off the scale; give it a level, or list it under na', sure: false };
      } else if (scale?.points.has(folded)) {
        const points = scale.scale.points.length;
        const level = pointLevel(scale.points.get(folded)!, points, min, max);
        proposal = points === levels
          ? { text, level, why: `point ${scale.points.get(folded)! + 1} of a ${scale.scale.name} scale`, sure: true }
          : { text, level, why: `unsure: point ${scale.points.get(folded)! + 1} of a ${scale.scale.name} scale, on a rubric of ${levels} levels`, sure: false };
      } else proposal = { text, level: undefined, why: 'unsure: no level could be told; give it one, or list it under na', sure: false };
      const earlier = proposals.get(folded);
      if (earlier && earlier.level !== proposal.level) {
        proposals.set(folded, { ...earlier, sure: false, why: `unsure: column ${p.column.letter} reads it as ${proposal.level ?? '?'}, another column as ${earlier.level ?? '?'}` });
      } else if (!earlier) proposals.set(folded, proposal);
    }
  }
  return [...proposals.values()].sort((a, b) => (a.level ?? Infinity) - (b.level ?? Infinity) || a.text.localeCompare(b.text)).map((p) => (p.sure ? `  ${q(p.text)}: ${p.level}  # ${p.why}` : `  # ${q(p.text)}: ${p.level ?? '?'}  # ${p.why}`));
}
