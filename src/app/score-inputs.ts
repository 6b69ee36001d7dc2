/**
 * The scoring pipeline shared by `score` and `compare`: read every input
 * (streaming) against the rubric, stop with every finding when any answers
 * file is wrong, and build the report.
 */
import { readAnswerSets } from '../inputs/read-answer-sets.js';
import { SvcauditError } from '../core/errors.js';
import { expandInputs } from '../inputs/expand-inputs.js';
import { isAnswered } from '../core/answers.js';
import { compareFindings, findingsErrorCode, firstError, hasErrors } from '../core/finding.js';
import { rubricItems, type Rubric } from '../rubric/model.js';
import { addAnswerSet, buildReport, createTally, groupValue, NO_GROUP } from '../scoring/index.js';
import type { Report } from '../scoring/report.js';
import { note, styleForStderr, type CliContext, type CommonOptions } from '../cli/context.js';
import { writeFindings } from '../cli/findings-to-stderr.js';
import { displayName, readStream } from '../core/io/read-input.js';

export interface ScoreInputsOptions extends CommonOptions {
  rubric?: string;
  by?: string;
  perceptionGap?: number;
  /** Effort points per 30-day phase of the plan; default 6. */
  capacity?: number | undefined;
}

/** Unanswered items, for `--strict`: a total, and the first few respondents with the items they left out. */
export interface MissingAnswers {
  total: number;
  examples: Array<{ source: string; items: string[] }>;
}

const MISSING_EXAMPLES = 5;

/**
 * Reads, checks and scores every input against `rubric`; answers with errors stop the job before
 * any report. `readStdin`: where `-` comes from (compare hands on stdin it has already read).
 */
export async function scoreInputs(
  inputs: string[],
  rubric: Rubric,
  options: ScoreInputsOptions,
  ctx: CliContext,
  readStdin: () => Promise<Uint8Array> = () => readStream(ctx.stdin),
): Promise<{ report: Report; missing: MissingAnswers }> {
  const files = await expandInputs(inputs, ['.yaml', '.yml', '.csv']);
  const tally = createTally(rubric, { by: options.by });
  const itemIds = rubricItems(rubric).map((item) => item.id);
  const missing: MissingAnswers = { total: 0, examples: [] };
  const grouping = new GroupingCheck(options.by);
  const read = await readAnswerSets(files, rubric, (set) => {
    grouping.add(set.respondent);
    const left = itemIds.filter((id) => !isAnswered(set.answers.get(id)));
    missing.total += left.length;
    if (left.length > 0 && missing.examples.length < MISSING_EXAMPLES) missing.examples.push({ source: set.source, items: left });
    addAnswerSet(tally, set);
  }, {
    readStdin,
    skipRubric: (path) => !inputs.includes(path),
    onSkip: (path) => note(ctx, `svcaudit: ${path}: skipped: a rubric file, not answers (use it with --rubric).`),
  });

  if (hasErrors(read.findings)) {
    const files = [...new Set(read.findings.map((f) => f.file))].map((file) => ({
      file,
      kind: 'answers' as const,
      findings: read.findings.filter((f) => f.file === file).sort(compareFindings),
    }));
    writeFindings(ctx, await styleForStderr(ctx, options), files);
    const first = firstError(read.findings)!;
    throw new SvcauditError(findingsErrorCode(read.findings), `${first.message} (${read.findings.length} problem${read.findings.length === 1 ? '' : 's'} in the answers; nothing was scored)`, { file: first.file, line: first.line, column: first.column });
  }
  if (read.respondents === 0) throw new SvcauditError('usage', 'No answers were found in the inputs.', { file: inputs.map(displayName).join(' ') });
  grouping.verify(inputs, ctx);
  return { report: buildReport(tally, { perceptionGap: options.perceptionGap, capacity: options.capacity }), missing };
}

/**
 * `--by KEY` with a key no respondent has would silently put everyone in one
 * "(none)" group: a typo (`--by rol`) must not pass as a report with no
 * perception gaps. Respondents without the field are allowed, and counted.
 */
class GroupingCheck {
  private readonly fields = new Set<string>();
  private withField = 0;
  private without = 0;

  constructor(private readonly by: string | undefined) {}

  add(respondent: Readonly<Record<string, string>>): void {
    if (this.by === undefined) return;
    if (groupValue({ respondent }, this.by) === NO_GROUP) this.without++;
    else this.withField++;
    if (this.fields.size < 50) for (const key of Object.keys(respondent)) this.fields.add(key);
  }

  verify(inputs: readonly string[], ctx: CliContext): void {
    if (this.by === undefined || this.withField + this.without === 0) return;
    if (this.withField === 0) {
      const found = this.fields.size > 0 ? `respondent fields found: ${[...this.fields].sort().join(', ')}` : 'the respondents have no fields at all';
      throw new SvcauditError('usage', `--by ${this.by}: no respondent has a \`${this.by}\` field (${found}).`, { file: inputs.map(displayName).join(' ') });
    }
    if (this.without > 0) note(ctx, `svcaudit: --by ${this.by}: ${this.without} respondent${this.without === 1 ? ' has' : 's have'} no \`${this.by}\`; they are grouped as ${NO_GROUP}.`);
  }
}
