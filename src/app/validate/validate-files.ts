/**
 * `svcaudit validate`: every file is read, told apart by its `kind:` (or as a
 * survey CSV export by its `.csv` name), and checked; answers are checked
 * against their rubric (see rubric-cache.ts). Returns findings per file, in
 * the order given; only an unreadable or missing file throws (exit 2).
 */
import { answersFormat } from '../../inputs/answers-format.js';
import { answersShapeFindings, checkAnswersSource, parseRubricReference } from '../../inputs/answers-yaml/check-answers.js';
import { displayName, readBytes } from '../../core/io/read-input.js';
import type { FileFindings } from '../../report/findings/types.js';
import { checkRubricSource } from '../../rubric/check-rubric.js';
import { compareFindings, finding, type Finding } from '../../core/finding.js';
import { detectKind } from '../../rubric/kind.js';
import { answersSchema } from '../../rubric/schema.js';
import { decodeText, utf8Text } from '../../core/io/decode-text.js';
import { checkYamlText } from '../../rubric/quick-yaml.js';
import { locate, type YamlSource } from '../../core/source.js';
import { RubricCache } from './rubric-cache.js';
import { validateCsv } from './validate-csv.js';

export interface ValidateFilesOptions {
  /** `--rubric`: answers files are checked against it instead of the rubric they name. */
  readonly rubric?: string | undefined;
  readonly readStdin?: () => Promise<Uint8Array>;
}

export async function validateFiles(paths: readonly string[], options: ValidateFilesOptions = {}): Promise<FileFindings[]> {
  const rubrics = new RubricCache(options.rubric);
  const inputs = await Promise.all(
    paths.map(async (path) => {
      const bytes = await readBytes(path, options.readStdin);
      const csv = answersFormat(path, bytes) === 'csv';
      return { file: displayName(path), bytes, csv, rubricFirst: !csv && looksLikeRubric(bytes) };
    }),
  );
  const ordered: FileFindings[] = [];
  // Rubric files first, so that answers written for a rubric of the same run are checked against it.
  for (const pass of [true, false]) {
    for (const [i, input] of inputs.entries()) {
      if (input.rubricFirst !== pass) continue;
      ordered[i] = input.csv ? await validateCsv(input.bytes, input.file, rubrics) : await validateBytes(input.bytes, input.file, rubrics);
    }
  }
  const given = await rubrics.givenResult();
  // A broken --rubric is reported as a file of its own, once.
  if (given && given.findings.length > 0 && !ordered.some((r) => r.file === given.file)) ordered.unshift(given);
  return ordered;
}

/** Only decides the order of checking; every file is still checked by what it really holds. */
function looksLikeRubric(bytes: Uint8Array): boolean {
  return /^kind:\s*rubric\s*$/m.test(utf8Text(bytes, 8192));
}

async function validateBytes(bytes: Uint8Array, file: string, rubrics: RubricCache): Promise<FileFindings> {
  const decoded = decodeText(bytes, file);
  if ('finding' in decoded) return { file, kind: undefined, findings: [decoded.finding] };
  const result = await checkYamlText(decoded.text, file, (source) => checkSource(source, rubrics));
  return { file, kind: result.kind, findings: [...result.findings].sort(compareFindings) };
}

async function checkSource(source: YamlSource, rubrics: RubricCache): Promise<Omit<FileFindings, 'file'>> {
  const kind = detectKind(source);
  if ('findings' in kind) return { kind: undefined, findings: kind.findings };
  if (kind.kind === 'answers') return { kind: kind.kind, findings: await checkAnswers(source, rubrics) };
  const checked = checkRubricSource(source);
  if (checked.value) rubrics.addLocal(checked.value);
  return { kind: kind.kind, findings: checked.findings };
}

const RUBRIC_REFERENCE = new RegExp(answersSchema.properties.rubric.pattern);

async function checkAnswers(source: YamlSource, rubrics: RubricCache): Promise<readonly Finding[]> {
  const named = (source.value as { rubric?: unknown }).rubric;
  const rubric = await rubrics.forAnswers(typeof named === 'string' ? parseRubricReference(named).id : undefined);
  if (rubric.kind === 'found') return checkAnswersSource(source, rubric.rubric).findings;
  const shape = [...source.findings, ...answersShapeFindings(source)];
  // A malformed `rubric:` value has its own schema finding; only a well-formed id can be "not built in".
  const wellFormed = typeof named === 'string' && RUBRIC_REFERENCE.test(named);
  if (rubric.kind === 'unknown' && wellFormed) {
    const message = `\`${parseRubricReference(named).id}\` is not a built-in rubric (${rubric.builtins.join(', ')}); pass the rubric file with --rubric to check these answers against it.`;
    return [...shape, finding('answers-unknown-rubric', message, source.file, locate(source, ['rubric']))];
  }
  return shape;
}
