/**
 * Reads every answers input of `score` (YAML files, CSV exports, stdin) and
 * hands each respondent's AnswerSet to `onSet` as soon as it is read, so
 * scoring streams. Problems are collected as findings; a file that cannot be
 * read as data at all shows in its findings' rules (see findingsErrorCode).
 */
import { createReadStream } from 'node:fs';
import { displayName, readBytes } from '../core/io/read-input.js';
import { finding, type Finding } from '../core/finding.js';
import { detectKind } from '../rubric/kind.js';
import type { Rubric } from '../rubric/model.js';
import { decodeText, utf8Text } from '../core/io/decode-text.js';
import { checkYamlText } from '../rubric/quick-yaml.js';
import { locate, type YamlSource } from '../core/source.js';
import { checkAnswersSource } from './answers-yaml/check-answers.js';
import { answersFormat } from './answers-format.js';
import { readCsvAnswers } from './svcaudit-csv/csv-answers.js';
import type { AnswerSet } from '../core/answers.js';

export interface ReadAnswersResult {
  readonly respondents: number;
  readonly findings: readonly Finding[];
}

export interface ReadAnswersOptions {
  readonly readStdin?: () => Promise<Uint8Array>;
  /**
   * Rubric files to pass over rather than report: those found by expanding a
   * folder or glob, since a consultant often keeps the rubric beside the
   * interviews. A rubric named on its own is still an error.
   */
  readonly skipRubric?: (path: string) => boolean;
  readonly onSkip?: (path: string) => void;
}

export async function readAnswerSets(paths: readonly string[], rubric: Rubric, onSet: (set: AnswerSet) => void, options: ReadAnswersOptions = {}): Promise<ReadAnswersResult> {
  const findings: Finding[] = [];
  let respondents = 0;
  const take = (set: AnswerSet) => {
    respondents++;
    onSet(set);
  };
  for (const path of paths) {
    const file = displayName(path);
    if (answersFormat(path) === 'csv') {
      const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
      await readCsvAnswers(stream, file, rubric, { answerSet: take, finding: (f) => findings.push(f) });
    } else {
      const bytes = await readBytes(path, options.readStdin);
      if (answersFormat(path, bytes) === 'csv') {
        await readCsvAnswers([utf8Text(bytes)], file, rubric, { answerSet: take, finding: (f) => findings.push(f) });
      } else {
        // A rubric to pass over is known as one on the fast reading; the full one would only find it wanting.
        const result = await readYamlAnswers(bytes, file, rubric, options.skipRubric?.(path) === true);
        if (result.skipped) {
          options.onSkip?.(path);
          continue;
        }
        findings.push(...result.findings);
        if (result.set) take(result.set);
      }
    }
  }
  return { respondents, findings };
}

/** `skipped`: a rubric file passed over (see checkAnswersText). */
type YamlAnswers = { set?: AnswerSet; findings: readonly Finding[]; skipped?: true };

/** One YAML answers file, checked against `rubric`. */
async function readYamlAnswers(bytes: Uint8Array, file: string, rubric: Rubric, skipRubric: boolean): Promise<YamlAnswers> {
  const decoded = decodeText(bytes, file);
  if ('finding' in decoded) return { findings: [decoded.finding] };
  return checkAnswersText(decoded.text, file, rubric, skipRubric);
}

/** `skipRubric`: a rubric file is passed over without findings rather than reported as not answers. */
export async function checkAnswersText(text: string, file: string, rubric: Rubric, skipRubric = false): Promise<YamlAnswers> {
  return checkYamlText(text, file, (source) => checkYamlAnswers(source, rubric, skipRubric));
}

function checkYamlAnswers(source: YamlSource, rubric: Rubric, skipRubric: boolean): YamlAnswers {
  const kind = detectKind(source);
  if ('findings' in kind) return { findings: kind.findings };
  if (kind.kind === 'rubric') {
    if (skipRubric) return { skipped: true, findings: [] };
    return { findings: [...source.findings, finding('unknown-kind', 'This is a rubric file (`kind: rubric`); `score` takes answers files. Pass a rubric with --rubric.', source.file, locate(source, ['kind']))] };
  }
  const checked = checkAnswersSource(source, rubric);
  return checked.value ? { set: checked.value, findings: checked.findings } : { findings: checked.findings };
}
