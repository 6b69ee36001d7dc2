/**
 * Checks a mapping file (YAML with positions, the schema, then the rules that need the rubric)
 * and builds the Mapping. Returns findings, never throws, like the rubric and answers checks.
 * Mapping files are always read with positions: the export reader reports a column the export
 * lacks at the line of the mapping that names it, after the checks here have passed.
 */
import { validateMapping } from '../../generated/validators.js';
import type { Checked } from '../../rubric/check-rubric.js';
import { finding, hasErrors, type Finding } from '../../core/finding.js';
import { isMapping } from '../../core/is-mapping.js';
import { decodeText } from '../../core/io/decode-text.js';
import { locate, START, type PathSegment, type YamlSource } from '../../core/source.js';
import { didYouMean } from '../../core/suggest.js';
import { rubricItems, type Rubric } from '../../rubric/model.js';
import { MAX_TEXT_LENGTH } from '../../rubric/quick-yaml.js';
import { schemaFindings } from '../../rubric/schema-findings.js';
import { isLevel } from '../../rubric/scale.js';
import { parseRubricReference } from '../answers-yaml/check-answers.js';
import { fold } from './fold.js';
import type { LayoutName } from './layouts.js';
import { GENERAL, type ColumnRef, type Condition, type DateFormat, type Evidence, type Mapping, type RawMapping } from './mapping.js';
import { mappingSchema } from './mapping-schema.js';

type RawRef = RawMapping['date'];

/** A mapping file's bytes or text → the Mapping, checked against `rubric`. */
export async function checkMappingText(input: Uint8Array | string, file: string, rubric: Rubric): Promise<Checked<Mapping>> {
  const decoded = typeof input === 'string' ? { text: input } : decodeText(input, file);
  if ('finding' in decoded) return { value: undefined, findings: [decoded.finding] };
  if (decoded.text.length > MAX_TEXT_LENGTH) {
    return { value: undefined, findings: [finding('yaml-too-complex', `The file is ${(decoded.text.length / 1e6).toFixed(1)} MB; a mapping file is at most 2 MB.`, file, START)] };
  }
  const { parseYaml } = await import('../../rubric/yaml-source.js');
  return checkMappingSource(parseYaml(decoded.text, file), rubric);
}

/** Shape only: the schema pass, for when the rubric cannot be known. */
export function mappingShapeFindings(source: YamlSource): Finding[] {
  return validateMapping(source.value) ? [] : schemaFindings(validateMapping.errors ?? [], mappingSchema, source);
}

export function checkMappingSource(source: YamlSource, rubric: Rubric): Checked<Mapping> {
  if (source.value === undefined) return { value: undefined, findings: source.findings };
  const shape = mappingShapeFindings(source);
  const raw = (isMapping(source.value) ? source.value : {}) as Partial<RawMapping>;
  // The rules below look at one field at a time, so they run on the well-formed parts of a file
  // whose shape is wrong elsewhere: one typo never hides the other problems.
  const findings = [...source.findings, ...shape, ...ruleFindings(raw, rubric, source)];
  return { value: hasErrors(findings) ? undefined : toMapping(raw as RawMapping, source), findings };
}

function ruleFindings(raw: Partial<RawMapping>, rubric: Rubric, source: YamlSource): Finding[] {
  const findings: Finding[] = [];
  const report = (rule: Parameters<typeof finding>[0], message: string, path: PathSegment[], at: 'key' | 'value' = 'value') =>
    findings.push(finding(rule, message, source.file, locate(source, path, at)));
  const ids = rubricItems(rubric).map((item) => item.id);
  const idSet = new Set(ids);

  if (typeof raw.rubric === 'string') {
    const { id, version } = parseRubricReference(raw.rubric);
    if (id !== rubric.id) report('mapping-rubric-mismatch', `This mapping is for rubric \`${id}\`, but the rubric in use is \`${rubric.id}\`. Pass the right one with --rubric.`, ['rubric']);
    else if (version !== undefined && version !== rubric.version) report('mapping-rubric-mismatch', `This mapping is for version ${version} of \`${id}\`, but the rubric in use is version ${rubric.version ?? '(none)'}.`, ['rubric']);
  }
  const columns = isMapping(raw.columns) ? raw.columns : undefined;
  if (columns) {
    for (const id of Object.keys(columns)) {
      if (!idSet.has(id)) report('mapping-unknown-item', `Rubric \`${rubric.id}\` has no item \`${id}\`.${didYouMean(id, ids)}`, ['columns', id], 'key');
    }
    const missing = ids.filter((id) => !Object.hasOwn(columns, id));
    if (missing.length > 0) {
      const list = missing.map((id) => `\`${id}\``).join(', ');
      report('mapping-item-without-column', `${missing.length === 1 ? 'Item' : `${missing.length} items`} of \`${rubric.id}\` ${missing.length === 1 ? 'has' : 'have'} no column, so ${missing.length === 1 ? 'it is' : 'they are'} unanswered in every row: ${list}.`, ['columns'], 'key');
    }
  }
  if (Array.isArray(raw.evidence)) {
    raw.evidence.forEach((entry, i) => {
      if (isMapping(entry) && typeof entry.item === 'string' && entry.item !== GENERAL && !idSet.has(entry.item)) {
        report('mapping-unknown-item', `Rubric \`${rubric.id}\` has no item \`${entry.item}\` (use \`general\` for general comments).${didYouMean(entry.item, [...ids, GENERAL])}`, ['evidence', i, 'item']);
      }
    });
  }
  if (isMapping(raw.labels)) {
    const { min, max } = rubric.scale;
    for (const [label, level] of Object.entries(raw.labels)) {
      if (typeof level === 'number' && !isLevel(level, rubric.scale)) {
        report('mapping-label-out-of-scale', `The label \`${label}\` stands for ${level}, which is not a level of the scale (${min} to ${max}).`, ['labels', label]);
      }
    }
  }
  findings.push(...duplicateColumns(raw, source));
  const conditions = raw.include === undefined ? [] : Array.isArray(raw.include) ? raw.include : [raw.include];
  conditions.forEach((condition, i) => {
    if (!isMapping(condition) || Object.hasOwn(condition, 'equals') !== Object.hasOwn(condition, 'in')) return;
    const path: PathSegment[] = Array.isArray(raw.include) ? ['include', i] : ['include'];
    report('schema-missing-key', `\`include\` needs \`equals: VALUE\` or \`in: [VALUES]\`${Object.hasOwn(condition, 'equals') ? ', not both' : ''}.`, path);
  });
  return findings;
}

/** The same column named for two items or fields (evidence and answers alike): one would be read twice. */
function duplicateColumns(raw: Partial<RawMapping>, source: YamlSource): Finding[] {
  const places: Array<{ ref: RawRef; path: PathSegment[]; what: string }> = [];
  if (isMapping(raw.columns)) for (const [id, ref] of Object.entries(raw.columns)) places.push({ ref, path: ['columns', id], what: `item \`${id}\`` });
  if (isMapping(raw.respondent)) for (const [field, ref] of Object.entries(raw.respondent)) places.push({ ref, path: ['respondent', field], what: `respondent field \`${field}\`` });
  if (raw.date !== undefined) places.push({ ref: raw.date, path: ['date'], what: 'the date' });
  if (Array.isArray(raw.evidence)) {
    raw.evidence.forEach((entry, i) => {
      if (isMapping(entry)) places.push({ ref: entry.column as RawRef, path: ['evidence', i, 'column'], what: `evidence #${i + 1}` });
    });
  }
  const seen = new Map<string, string>();
  const findings: Finding[] = [];
  for (const place of places) {
    const key = refKey(place.ref);
    if (key === undefined) continue;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      findings.push(finding('mapping-duplicate-column', `This column is already named for ${earlier}; each column answers one item or field.`, source.file, locate(source, place.path)));
    } else seen.set(key, place.what);
  }
  return findings;
}

function refKey(ref: unknown): string | undefined {
  if (typeof ref === 'string') return `header:${fold(ref)}`;
  if (!isMapping(ref)) return undefined;
  if (typeof ref.header === 'string') return `header:${fold(ref.header)}`;
  if (typeof ref.column === 'string') return `letter:${ref.column.toUpperCase()}`;
  if (typeof ref.id === 'string') return `id:${ref.id.trim()}`;
  return undefined;
}

function toRef(ref: RawRef, path: PathSegment[], source: YamlSource): ColumnRef {
  const span = locate(source, path);
  if (typeof ref === 'string') return { by: 'header', value: ref, span };
  const object = ref as { header?: string; column?: string; id?: string };
  if (object.header !== undefined) return { by: 'header', value: object.header, span };
  if (object.column !== undefined) return { by: 'letter', value: object.column.toUpperCase(), span };
  return { by: 'id', value: object.id!.trim(), span };
}

const cellText = (value: string | number | boolean) => fold(String(value));

function toMapping(raw: RawMapping, source: YamlSource): Mapping {
  const columns = new Map(Object.entries(raw.columns).map(([id, ref]) => [id, toRef(ref as RawRef, ['columns', id], source)]));
  const respondent = new Map(Object.entries(raw.respondent ?? {}).map(([field, ref]) => [field, toRef(ref as RawRef, ['respondent', field], source)]));
  const evidence: Evidence[] = (raw.evidence ?? []).map((entry, i) => ({ ref: toRef(entry.column as RawRef, ['evidence', i, 'column'], source), item: entry.item }));
  const conditions = raw.include === undefined ? [] : Array.isArray(raw.include) ? raw.include : [raw.include];
  const include: Condition[] = conditions.map((c, i) => ({
    ref: toRef(c.column as RawRef, [...(Array.isArray(raw.include) ? ['include', i] : ['include']), 'column'], source),
    values: new Set((c.in ?? [c.equals!]).map(cellText)),
  }));
  return {
    file: source.file,
    rubric: parseRubricReference(raw.rubric).id,
    layout: raw.layout as LayoutName | undefined,
    sheet: raw.sheet,
    columns,
    respondent,
    date: raw.date === undefined ? undefined : toRef(raw.date, ['date'], source),
    dateFormat: raw['date-format'] as DateFormat | undefined,
    evidence,
    labels: new Map(Object.entries(raw.labels ?? {}).map(([label, level]) => [fold(label), level])),
    labelTexts: Object.keys(raw.labels ?? {}),
    na: new Set((raw.na ?? []).map(cellText)),
    values: new Map(Object.entries(raw.values ?? {}).map(([field, map]) => [field, new Map(Object.entries(map).map(([from, to]) => [fold(from), to]))])),
    include,
  };
}
