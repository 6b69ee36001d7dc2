import type { ExitCode } from '../../errors.js';
import { SvcauditError } from '../../errors.js';
import { readAnswerSets } from '../../answers/read-answer-sets.js';
import { expandInputs } from '../../io/expand-inputs.js';
import { compareFindings, hasErrors } from '../../rubric/finding.js';
import { loadRubric } from '../../rubric/load-rubric.js';
import { addAnswerSet, buildReport, createTally } from '../../scoring/index.js';
import type { Report } from '../../scoring/report.js';
import { FINDINGS_FORMATS } from '../../report/findings/index.js';
import type { GapFormatName } from '../../report/gap/names.js';
import { VERSION } from '../../version.js';
import { styleFor } from '../color.js';
import { emit, note, styleForStderr, styleForStdout, type CliContext, type CommonOptions } from '../context.js';
import { readAll } from '../stdin.js';

export interface ScoreOptions extends CommonOptions {
  rubric?: string;
  format?: GapFormatName;
  output?: string;
  by?: string;
  perceptionGap?: number;
  failUnder?: number;
  strict?: boolean;
}

export async function runScore(inputs: string[], options: ScoreOptions, ctx: CliContext): Promise<ExitCode> {
  const { report, missing } = await scoreInputs(inputs, options, ctx);
  const { GAP_FORMATS } = await import('../../report/gap/index.js');
  const toFile = options.output !== undefined && options.output !== '-';
  // A file is not a terminal: colour codes go into it only when asked for with --color.
  const style = toFile ? await styleFor(options.color === true) : await styleForStdout(ctx, options);
  const text = GAP_FORMATS[options.format ?? 'text'](report, {
    style,
    width: Math.max(80, Math.min((ctx.stdout as { columns?: number }).columns ?? 100, 140)),
    date: new Date().toISOString().slice(0, 10),
  });
  await emit(ctx, text, options.output);
  if (toFile) note(ctx, `Report written to ${options.output}`);
  return gate(report, missing, options, ctx);
}

/** Reads, checks and scores every input; answers with errors stop the job before any report. */
/** Unanswered items, for `--strict`: a total, and the first few respondents with the items they left out. */
export interface MissingAnswers {
  total: number;
  examples: Array<{ source: string; items: string[] }>;
}

const MISSING_EXAMPLES = 5;

export async function scoreInputs(inputs: string[], options: ScoreOptions, ctx: CliContext): Promise<{ report: Report; missing: MissingAnswers }> {
  const { rubric, warnings } = await loadRubric(options.rubric);
  for (const warning of warnings) note(ctx, `svcaudit: ${warning.file}:${warning.line}:${warning.column}: warning: ${warning.message}`);
  const files = await expandInputs(inputs, ['.yaml', '.yml', '.csv']);
  const tally = createTally(rubric, { by: options.by });
  const itemIds = rubric.sections.flatMap((s) => s.items.map((item) => item.id));
  const missing: MissingAnswers = { total: 0, examples: [] };
  const read = await readAnswerSets(files, rubric, (set) => {
    const left = itemIds.filter((id) => (set.answers.get(id)?.score ?? null) === null);
    missing.total += left.length;
    if (left.length > 0 && missing.examples.length < MISSING_EXAMPLES) missing.examples.push({ source: set.source, items: left });
    addAnswerSet(tally, set);
  }, { readStdin: () => readAll(ctx.stdin) });

  if (hasErrors(read.findings)) {
    const files = [...new Set(read.findings.map((f) => f.file))].map((file) => ({
      file,
      kind: 'answers' as const,
      findings: read.findings.filter((f) => f.file === file).sort(compareFindings),
    }));
    ctx.stderr.write(FINDINGS_FORMATS.stylish(files, { style: await styleForStderr(ctx, options), toolVersion: VERSION, maxWarnings: undefined }));
    const first = [...read.findings].filter((f) => f.severity === 'error').sort(compareFindings)[0]!;
    const code = read.unparseable.length > 0 ? 'file-unparseable' : 'findings';
    throw new SvcauditError(code, `${first.message} (${read.findings.length} problem${read.findings.length === 1 ? '' : 's'} in the answers; nothing was scored)`, { file: first.file, line: first.line, column: first.column });
  }
  if (read.respondents === 0) throw new SvcauditError('usage', 'No answers were found in the inputs.', { file: inputs.map((i) => (i === '-' ? '<stdin>' : i)).join(' ') });
  return { report: buildReport(rubric, tally, { perceptionGap: options.perceptionGap }), missing };
}

/** `--fail-under` and `--strict`: the gates a CI job sets, each saying why on stderr. */
function gate(report: Report, missing: MissingAnswers, options: ScoreOptions, ctx: CliContext): ExitCode {
  let code: ExitCode = 0;
  if (options.strict && missing.total > 0) {
    const where = missing.examples.map((m) => `\n  ${m.source}: ${m.items.join(', ')}`).join('');
    const more = missing.total > missing.examples.reduce((n, m) => n + m.items.length, 0) ? '\n  …' : '';
    note(ctx, `svcaudit: --strict: ${missing.total} answer${missing.total === 1 ? ' is' : 's are'} missing (an item left out or blank; use \`na\` for items that do not apply):${where}${more}`);
    code = 1;
  }
  if (options.failUnder !== undefined) {
    const index = report.overall.index;
    if (index === null) {
      note(ctx, `svcaudit: --fail-under ${options.failUnder}: nothing was scored, so the index is unknown.`);
      code = 1;
    } else if (index < options.failUnder) {
      note(ctx, `svcaudit: --fail-under ${options.failUnder}: the overall index is ${index.toFixed(1)}, below the threshold.`);
      code = 1;
    }
  }
  return code;
}
