/**
 * `--rubric R`: a path to a rubric file or the id of a built-in rubric.
 * Commands other than `validate` need a usable rubric, so a missing file or
 * a rubric with errors is thrown as an error (exit 2 for an unreadable file,
 * 1 for a rubric found wanting), with every finding attached.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { SvcauditError } from '../core/errors.js';
import { readBytes } from '../core/io/read-input.js';
import { MAX_TEXT_BYTES } from '../core/io/decode-text.js';
import { compareCodePoints } from '../core/order.js';
import { checkRubricText, type Checked } from './check-rubric.js';
import { findingsErrorCode, firstError, hasErrors, type Finding } from '../core/finding.js';
import type { Rubric } from './model.js';
import { packageRoot } from './package-root.js';
import { preReadRubric } from './pre-read.js';
import { DEFAULT_RUBRIC } from './default.js';

export { DEFAULT_RUBRIC };

class RubricFindingsError extends SvcauditError {
  readonly findings: readonly Finding[];
  constructor(file: string, findings: readonly Finding[]) {
    const errors = findings.filter((f) => f.severity === 'error');
    const first = firstError(errors);
    super(
      findingsErrorCode(findings),
      `${first?.message ?? 'The rubric has errors.'}${errors.length > 1 ? ` (and ${errors.length - 1} more; run \`svcaudit validate ${file}\`)` : ''}`,
      first ? { file: first.file, line: first.line, column: first.column } : { file },
    );
    this.findings = findings;
  }
}

/** A built-in rubric's source: `builtin:<id>`. */
const BUILTIN = 'builtin:';

function builtinRubricsDir(): string {
  return join(packageRoot(), 'rubrics');
}

let builtinIds: string[] | undefined;

/** The ids of the shipped rubrics; the folder is read once per run, however many answers files ask. */
export async function builtinRubricIds(): Promise<string[]> {
  builtinIds ??= readdirSync(builtinRubricsDir()).filter((f) => f.endsWith('.yaml')).map((f) => basename(f, '.yaml')).sort(compareCodePoints);
  return [...builtinIds];
}

/** A reference is a path when it looks like one; otherwise it names a built-in rubric. */
export function isPathReference(ref: string): boolean {
  return ref === '-' || /[\\/]/.test(ref) || /\.ya?ml$/i.test(ref);
}

async function resolveRubricPath(ref: string): Promise<{ path: string; source: string }> {
  if (isPathReference(ref)) return { path: ref, source: ref };
  const ids = await builtinRubricIds();
  if (!ids.includes(ref)) {
    throw new SvcauditError('rubric-not-found', `There is no built-in rubric \`${ref}\` (built in: ${ids.join(', ')}). To use a rubric file, give its path, such as ./${ref}.yaml.`, { file: ref });
  }
  return { path: join(builtinRubricsDir(), `${ref}.yaml`), source: `${BUILTIN}${ref}` };
}

/** Reads and checks a rubric without throwing on findings (for `validate`). */
export async function checkRubricReference(ref: string): Promise<Checked<Rubric> & { file: string }> {
  const { path, source } = await resolveRubricPath(ref);
  const bytes = await readBytes(path, undefined, MAX_TEXT_BYTES);
  const pre = source.startsWith(BUILTIN) ? preReadRubric(source.slice(BUILTIN.length), bytes, source) : undefined;
  if (pre !== undefined) return { value: pre, findings: [], file: path };
  return { ...(await checkRubricText(bytes, path, source)), file: path };
}

/** The rubric a command works with; throws when it cannot be used. */
export async function loadRubric(ref: string = DEFAULT_RUBRIC): Promise<{ rubric: Rubric; warnings: readonly Finding[] }> {
  const checked = await checkRubricReference(ref);
  if (checked.wrongKind) {
    // Not a rubric found wanting but a job that cannot be done (exit 2, docs/exit-codes.md), said once.
    const where = checked.findings.find((f) => f.rule === 'unknown-kind');
    const message = 'This is an answers file (`kind: answers`), not a rubric; give answers to the command itself and a rubric file with --rubric.';
    throw new SvcauditError('wrong-kind', message, where ? { file: where.file, line: where.line, column: where.column } : { file: checked.file });
  }
  if (!checked.value || hasErrors(checked.findings)) throw new RubricFindingsError(checked.file, checked.findings);
  return { rubric: checked.value, warnings: checked.findings };
}
