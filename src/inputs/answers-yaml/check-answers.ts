/**
 * Checks an answers file (YAML, schema, then against its rubric) and builds
 * the AnswerSet. Like the rubric check, it returns findings, never throws.
 */
import { validateAnswers } from '../../generated/validators.js';
import type { Checked } from '../../rubric/check-rubric.js';
import { finding, hasErrors, MAX_FINDINGS_PER_RULE, type Finding } from '../../core/finding.js';
import { rubricItems, type Item, type Rubric } from '../../rubric/model.js';
import { audienceFinding } from '../audience-finding.js';
import type { RawAnswers, RawAnswerValue } from '../../rubric/raw-types.js';
import { isLevel } from '../../rubric/scale.js';
import { answersSchema, KEBAB } from '../../rubric/schema.js';
import { schemaFindings } from '../../rubric/schema-findings.js';
import { didYouMean } from '../../core/suggest.js';
import { locate, type PathSegment, type YamlSource } from '../../core/source.js';
import type { Answer, AnswerSet, Score } from '../../core/answers.js';
import { isMapping } from '../../core/is-mapping.js';
import { excerpt } from '../../core/inert-text.js';

const KEBAB_ID = new RegExp(KEBAB);

/** `service-commitments@1.0.0` → id and version. */
export function parseRubricReference(reference: string): { id: string; version: string | undefined } {
  const at = reference.indexOf('@');
  return at < 0 ? { id: reference, version: undefined } : { id: reference.slice(0, at), version: reference.slice(at + 1) };
}

/** Shape only: the schema pass, for when the rubric cannot be known. */
export function answersShapeFindings(source: YamlSource): Finding[] {
  return validateAnswers(source.value) ? [] : schemaFindings(validateAnswers.errors ?? [], answersSchema, source);
}

export function checkAnswersSource(source: YamlSource, rubric: Rubric, sourceName = source.file): Checked<AnswerSet> {
  // A file that is not YAML has no data to check (value is undefined): its findings are the answer.
  if (source.value === undefined) return { value: undefined, findings: source.findings };
  const shape = answersShapeFindings(source);
  // The checks against the rubric look at one field or one answer at a time, so they can run on
  // whatever part of a malformed file is well-formed: every problem is reported in one pass.
  const raw = (isMapping(source.value) ? source.value : {}) as Partial<RawAnswers>;
  const mismatch = typeof raw.rubric === 'string' ? rubricMismatch(raw.rubric, rubric, source) : [];
  // Answers written for another rubric would each be "unknown" here: the mismatch alone says it.
  const findings = [
    ...source.findings, // duplicate keys, found while reading
    ...shape,
    ...mismatch,
    ...(isMapping(raw.answers) && mismatch.length === 0 ? answerFindings(raw.answers, rubric, source, roleOf(raw.respondent)) : []),
  ];
  return { value: hasErrors(findings) ? undefined : toAnswerSet(raw as RawAnswers, sourceName), findings };
}

function rubricMismatch(reference: string, rubric: Rubric, source: YamlSource): Finding[] {
  const { id, version } = parseRubricReference(reference);
  const where = locate(source, ['rubric']);
  if (id !== rubric.id) {
    return [finding('answers-rubric-mismatch', `These answers are for rubric \`${excerpt(id)}\`, but the rubric in use is \`${rubric.id}\`. Pass the right one with --rubric.`, source.file, where)];
  }
  if (version !== undefined && version !== rubric.version) {
    return [finding('answers-rubric-mismatch', `These answers are for version ${excerpt(version)} of \`${excerpt(id)}\`, but the rubric in use is version ${excerpt(rubric.version ?? '(none)')}.`, source.file, where)];
  }
  return [];
}

/** The respondent's role as text, or undefined when the file gives none (then no audience applies). */
function roleOf(respondent: unknown): string | undefined {
  if (!isMapping(respondent)) return undefined;
  const role = respondent.role;
  return typeof role === 'string' || typeof role === 'number' || typeof role === 'boolean' ? String(role) : undefined;
}

/** The rubric's items by id, made once per rubric (a folder of files asks per file). */
function itemsOf(rubric: Rubric): { items: ReadonlyMap<string, Item>; ids: ReadonlySet<string> } {
  let known = ITEMS_BY_ID.get(rubric);
  if (known === undefined) {
    const items = new Map(rubricItems(rubric).map((item) => [item.id, item]));
    known = { items, ids: new Set(items.keys()) };
    ITEMS_BY_ID.set(rubric, known);
  }
  return known;
}

const ITEMS_BY_ID = new WeakMap<Rubric, { items: ReadonlyMap<string, Item>; ids: ReadonlySet<string> }>();

function answerFindings(answers: RawAnswers['answers'], rubric: Rubric, source: YamlSource, role: string | undefined): Finding[] {
  const { items, ids } = itemsOf(rubric);
  const { min, max } = rubric.scale;
  const findings: Finding[] = [];
  let unknown = 0;
  for (const [id, value] of Object.entries(answers)) {
    if (!KEBAB_ID.test(id)) continue; // the schema pass already reports an id that is not kebab-case
    if (!ids.has(id)) {
      // Only the findings listed get a suggestion (see capFindings): each costs a pass over the rubric's ids.
      const hint = ++unknown <= MAX_FINDINGS_PER_RULE ? didYouMean(id, ids) : '';
      findings.push(finding('answers-unknown-item', `Rubric \`${rubric.id}\` has no item \`${excerpt(id)}\`.${hint}`, source.file, locate(source, ['answers', id], 'key')));
      continue;
    }
    const score = scoreOf(value);
    if (typeof score !== 'number' || !Number.isFinite(score)) continue;
    const path: PathSegment[] = typeof value === 'object' && value !== null ? ['answers', id, 'score'] : ['answers', id];
    if (!Number.isInteger(score)) {
      findings.push(finding('answers-score-not-integer', `The score of \`${id}\` must be a whole level from ${min} to ${max}; found ${score}.`, source.file, locate(source, path)));
    } else if (!isLevel(score, rubric.scale)) {
      findings.push(finding('answers-score-out-of-scale', `The score of \`${id}\` must be a level from ${min} to ${max}; found ${score}.`, source.file, locate(source, path)));
    } else {
      // Placed only when there is a warning: a folder of a hundred thousand files has few.
      const outside = audienceFinding(items.get(id)!, role, source.file, () => locate(source, ['answers', id], 'key'));
      if (outside) findings.push(outside);
    }
  }
  return findings;
}

function scoreOf(value: RawAnswerValue): Score | unknown {
  if (isMapping(value)) return value.score;
  return value;
}

function toAnswerSet(raw: RawAnswers, source: string): AnswerSet {
  const { id, version } = parseRubricReference(raw.rubric);
  // fromEntries defines own properties, so a `__proto__` key stays a plain field.
  const respondent: Record<string, string> = Object.fromEntries(
    Object.entries(raw.respondent ?? {}).filter(([, value]) => value !== null && value !== undefined).map(([key, value]) => [key, String(value)]),
  );
  const answers = new Map<string, Answer>();
  for (const [itemId, value] of Object.entries(raw.answers)) {
    if (typeof value === 'object' && value !== null) {
      answers.set(itemId, { score: value.score, note: value.note, evidence: value.evidence ?? [] });
    } else {
      answers.set(itemId, { score: value, note: undefined, evidence: [] });
    }
  }
  const comments = (raw.comments ?? []).filter((text) => text.trim() !== '');
  return { source, rubric: id, rubricVersion: version, respondent, date: raw.date, answers, ...(comments.length > 0 ? { comments } : {}) };
}
