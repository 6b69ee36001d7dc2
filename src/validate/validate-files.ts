/**
 * `svcaudit validate`: every file is read, told apart by its `kind:`, and
 * checked; answers files are checked against their rubric (`--rubric`, or the
 * built-in rubric their `rubric:` field names). Returns findings per file;
 * only an unreadable or missing file throws (exit 2).
 */
import { answersShapeFindings, checkAnswersSource, parseRubricReference } from '../answers/check-answers.js';
import { readBytes, STDIN, STDIN_NAME } from '../io/read-input.js';
import type { FileFindings } from '../report/findings/types.js';
import { checkRubricSource, type Checked } from '../rubric/check-rubric.js';
import { compareFindings, finding, type Finding } from '../rubric/finding.js';
import { detectKind } from '../rubric/kind.js';
import { builtinRubricIds, checkRubricReference } from '../rubric/load-rubric.js';
import type { Rubric } from '../rubric/model.js';
import { answersSchema } from '../rubric/schema.js';
import { decodeText } from '../io/decode-text.js';
import { checkYamlText } from '../rubric/quick-yaml.js';
import { locate, type YamlSource } from '../rubric/source.js';

export interface ValidateFilesOptions {
  /** `--rubric`: answers files are checked against it instead of the rubric they name. */
  readonly rubric?: string | undefined;
  readonly readStdin?: () => Promise<Uint8Array>;
}

export async function validateFiles(paths: readonly string[], options: ValidateFilesOptions = {}): Promise<FileFindings[]> {
  const rubrics = new RubricCache(options.rubric);
  const results: FileFindings[] = [];
  for (const path of paths) {
    const file = path === STDIN ? STDIN_NAME : path;
    const bytes = await readBytes(path, options.readStdin);
    results.push(await validateBytes(bytes, file, rubrics));
  }
  const given = await rubrics.givenResult();
  // A broken --rubric is reported as a file of its own, once.
  if (given && given.findings.length > 0 && !results.some((r) => r.file === given.file)) results.unshift(given);
  return results;
}

async function validateBytes(bytes: Uint8Array, file: string, rubrics: RubricCache): Promise<FileFindings> {
  const decoded = decodeText(bytes, file);
  if ('finding' in decoded) return { file, kind: undefined, findings: [decoded.finding] };
  const result = await checkYamlText(decoded.text, file, (source) => checkSource(source, rubrics));
  return { file, kind: result.kind, findings: [...result.findings].sort(compareFindings) };
}

async function checkSource(source: YamlSource, rubrics: RubricCache): Promise<Omit<FileFindings, 'file'>> {
  if (source.findings.length > 0) return { kind: undefined, findings: source.findings };
  const kind = detectKind(source);
  if ('finding' in kind) return { kind: undefined, findings: [kind.finding] };
  const findings = kind.kind === 'rubric' ? checkRubricSource(source).findings : await checkAnswers(source, rubrics);
  return { kind: kind.kind, findings };
}

const RUBRIC_REFERENCE = new RegExp(answersSchema.properties.rubric.pattern);

async function checkAnswers(source: YamlSource, rubrics: RubricCache): Promise<readonly Finding[]> {
  const named = (source.value as { rubric?: unknown }).rubric;
  const rubric = await rubrics.forAnswers(typeof named === 'string' ? parseRubricReference(named).id : undefined);
  if (rubric.kind === 'found') return checkAnswersSource(source, rubric.rubric).findings;
  const shape = answersShapeFindings(source);
  // A malformed `rubric:` value has its own schema finding; only a well-formed id can be "not built in".
  const wellFormed = typeof named === 'string' && RUBRIC_REFERENCE.test(named);
  if (rubric.kind === 'unknown' && wellFormed) {
    const message = `\`${parseRubricReference(named).id}\` is not a built-in rubric (${rubric.builtins.join(', ')}); pass the rubric file with --rubric to check these answers against it.`;
    return [...shape, finding('answers-unknown-rubric', message, source.file, locate(source, ['rubric']))];
  }
  return shape;
}

type RubricLookup = { kind: 'found'; rubric: Rubric } | { kind: 'unknown'; builtins: string[] } | { kind: 'broken' };

/** Loads each rubric once, however many answers files refer to it. */
class RubricCache {
  private readonly loaded = new Map<string, Promise<Checked<Rubric> & { file: string }>>();
  constructor(private readonly given: string | undefined) {}

  async givenResult(): Promise<FileFindings | undefined> {
    if (this.given === undefined || !this.loaded.has(this.given)) return undefined;
    const checked = await this.loaded.get(this.given)!;
    return { file: checked.file, kind: 'rubric', findings: [...checked.findings].sort(compareFindings) };
  }

  async forAnswers(namedId: string | undefined): Promise<RubricLookup> {
    const ref = this.given ?? namedId;
    if (ref === undefined) return { kind: 'broken' };
    if (this.given === undefined) {
      const builtins = await builtinRubricIds();
      if (!builtins.includes(ref)) return { kind: 'unknown', builtins };
    }
    if (!this.loaded.has(ref)) this.loaded.set(ref, checkRubricReference(ref));
    const checked = await this.loaded.get(ref)!;
    return checked.value ? { kind: 'found', rubric: checked.value } : { kind: 'broken' };
  }
}
