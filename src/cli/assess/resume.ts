/**
 * `--resume`: reads the existing answers file with the same loader and checks
 * as `svcaudit score`, against the rubric in use. A file with errors stops
 * the session before anything is written, with `file:line:col`, so a bad
 * file is never overwritten by a session built on a misreading of it.
 */
import type { AnswerSet } from '../../core/answers.js';
import { checkAnswersText } from '../../inputs/answers-yaml/check-answers-text.js';
import { decodeText, MAX_TEXT_BYTES } from '../../core/io/decode-text.js';
import { readBytes } from '../../core/io/read-input.js';
import { SvcauditError } from '../../core/errors.js';
import type { Style } from '../../report/shared/style.js';
import { compareFindings, findingsErrorCode, firstError, hasErrors } from '../../core/finding.js';
import type { Rubric } from '../../rubric/model.js';
import type { CliContext } from '../context.js';
import { writeFindings } from '../findings-to-stderr.js';
import { shellQuote, type OutFile } from './out-file.js';

/** The answers in the file, and its text: saving writes into that text, keeping its comments and `x-` keys. */
interface ResumeFile {
  readonly set: AnswerSet;
  readonly text: string;
}

/** `cli`: how svcaudit was started, for the `validate` command the refusal suggests. */
export async function readResumeFile(out: OutFile, rubric: Rubric, ctx: CliContext, style: Style, cli = 'svcaudit'): Promise<ResumeFile> {
  // Read once: the same bytes are checked here and are the base of every save.
  const bytes = await readBytes(out.path, undefined, MAX_TEXT_BYTES);
  // Findings name the file as the user wrote it, not the absolute path.
  const decoded = decodeText(bytes, out.shown);
  const read = 'text' in decoded ? await checkAnswersText(decoded.text, out.shown, rubric) : { set: undefined, findings: [decoded.finding] };
  const findings = [...read.findings].sort(compareFindings);
  if (findings.length > 0) writeFindings(ctx, style, [{ file: out.shown, kind: 'answers', findings }]);
  if (hasErrors(findings) || read.set === undefined || !('text' in decoded)) {
    const first = firstError(findings);
    throw new SvcauditError(
      findingsErrorCode(findings),
      `${first?.message ?? 'The file holds no answers.'} Fix the file (\`${cli} validate ${shellQuote(out.shown)}\`) or start again with --force; nothing was changed.`,
      first ? { file: first.file, line: first.line, column: first.column } : { file: out.shown },
    );
  }
  return { set: read.set, text: decoded.text };
}
