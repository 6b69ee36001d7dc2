/**
 * `svcaudit assess`: the interactive self-assessment. Checks for a terminal
 * before anything else (and before inquirer is loaded), guards the answers
 * file, runs the session with the file saved after every change, and ends
 * with the score report. Every way of stopping (Ctrl-C, SIGTERM, a closed
 * terminal) ends here, with what was saved and the command that goes on.
 */
import { inertRubric } from '../../report/shared/terminal-text.js';
import { acquireLock } from '../assess/lock.js';
import { respondentLabel, type AnswerSet } from '../../core/answers.js';
import { countAnswered, runSession, type SessionResult } from '../../app/assess/session.js';
import type { Outcome } from '../../core/outcome.js';
import { SvcauditError } from '../../core/errors.js';
import { rubricForRole, rubricItems, type Rubric } from '../../rubric/model.js';
import { addAnswerSet, buildReport, createTally } from '../../scoring/index.js';
import type { Style } from '../../report/shared/style.js';
import { loadCommandRubric } from '../command-rubric.js';
import { loadGapFormat } from '../../report/gap/formats.js';
import { createAutosave, type Autosave } from '../assess/autosave.js';
import { guardInterrupts } from '../assess/interrupt.js';
import { checkFolderWritable, resolveOutFile, resumeCommand, scoreCommand, startMode, type OutFile, type StartMode } from '../assess/out-file.js';
import { createPrompts, isPromptInterrupt } from '../assess/prompts.js';
import { localDate, note, reportLayout, styleForStderr, styleForStdout, type CliContext } from '../context.js';
import type { AssessFlags } from './assess-flags.js';
import { terminalColumns, unbreakable, wrapForTerminal } from '../terminal-text.js';


export async function runAssess(options: AssessFlags, ctx: CliContext): Promise<Outcome> {
  requireTerminal(ctx);
  // Start reading inquirer's chunk now, while the rubric loads: the first question appears sooner.
  void import('../assess/inquirer.js').catch(() => undefined);
  const today = localDate();
  const out = resolveOutFile(options.out, ctx.cwd, today);
  // Every text the screens draw is made inert once, here (report/shared/terminal-text.ts).
  const rubric = inertRubric(await loadCommandRubric(options.rubric, ctx));
  const mode = startMode(out, options);
  checkFolderWritable(out);
  // Held from before the file is read until the session ends, however it ends.
  const lock = acquireLock(out, options);
  try {
    return await assessLocked(options, ctx, out, rubric, mode, today);
  } finally {
    lock.release();
  }
}

async function assessLocked(options: AssessFlags, ctx: CliContext, out: OutFile, rubric: Rubric, mode: StartMode, today: string): Promise<Outcome> {
  const [style, errStyle] = await Promise.all([styleForStdout(ctx, options), styleForStderr(ctx, options)]);

  // The answers loader is only needed to resume: a new session does not pay for loading it.
  const resumed = mode === 'resume' ? await (await import('../assess/resume.js')).readResumeFile(out, rubric, ctx, errStyle) : undefined;
  const existing = resumed?.set;
  const base: AnswerSet = {
    source: out.shown,
    rubric: rubric.id,
    rubricVersion: rubric.version,
    // Flags given now override the file's fields; fields the flags do not name are kept.
    respondent: { ...existing?.respondent, ...(options.name ? { name: options.name } : {}), ...(options.role ? { role: options.role } : {}) },
    // The day the assessment was started; a resumed file keeps its date.
    date: existing?.date ?? today,
    answers: existing?.answers ?? new Map(),
  };
  // `--role`: only the items whose audience includes the role are asked; the others stay unanswered.
  const asked = options.role === undefined ? { rubric, leftOut: 0 } : rubricForRole(rubric, options.role);
  const introRows = introduce(ctx, errStyle, asked.rubric, out, mode, base, asked.leftOut);

  const autosave = createAutosave(out, base, rubric, ctx, resumed?.text);
  const guard = guardInterrupts();
  let result: SessionResult;
  try {
    const prompts = await createPrompts(asked.rubric, ctx, style, guard.signal, introRows);
    result = await runSession(asked.rubric, base.answers, { ...prompts, save: autosave.save });
  } catch (error) {
    if (!isPromptInterrupt(error)) throw error;
    // A closed terminal (SIGHUP) has nobody to read the message, and writing to it can fail.
    if (guard.received() !== 'SIGHUP') stopped(ctx, errStyle, asked.rubric, out, autosave, options.rubric);
    return 'interrupted';
  } finally {
    guard.dispose();
  }

  // A session that wrote nothing still leaves a file (every item skipped: the respondent and date), but a
  // resumed file that was already complete is not rewritten for nothing.
  const respondentChanged = existing !== undefined && JSON.stringify(existing.respondent) !== JSON.stringify(base.respondent);
  if (!autosave.wrote() && (mode !== 'resume' || respondentChanged)) await autosave.save(result.answers);
  await printReport(ctx, style, rubric, { ...base, answers: result.answers });
  finish(ctx, errStyle, asked.rubric, out, result, options.rubric);
  return 'ok';
}

/** inquirer without a terminal half-draws a prompt and fails, or reads piped input as keystrokes. */
function requireTerminal(ctx: CliContext): void {
  if (ctx.stdin.isTTY === true && ctx.stdout.isTTY === true) return;
  throw new SvcauditError(
    'no-terminal',
    [
      '`svcaudit assess` asks its questions in a terminal, and stdin or stdout is not one (as in CI or with piped input).',
      'To answer without a terminal, fill in a blank answers file and score it:',
      '  svcaudit template > answers.yaml',
      '  svcaudit score answers.yaml',
    ].join('\n'),
  );
}

/** The lines above the first question, wrapped to the terminal; returns the rows they take. */
function introduce(ctx: CliContext, style: Style, rubric: Rubric, out: OutFile, mode: StartMode, base: AnswerSet, leftOut: number): number {
  const total = rubricItems(rubric).length;
  const who = respondentLabel(base);
  const lines = [`${style.bold(rubric.title)} ${style.dim(`· ${total} questions${who ? ` · ${who}` : ''}`)}`];
  if (mode === 'resume') {
    const answered = countAnswered(rubric, base.answers);
    lines.push(answered === total ? `All ${total} items in ${out.shown} are answered already.` : `Resuming ${out.shown}: ${answered} of ${total} answered.`);
  } else if (mode === 'fresh') {
    lines.push(`There is no ${out.shown} yet, so this starts a new assessment there.`);
  } else if (mode === 'overwrite') {
    lines.push(`--force: ${out.shown} will be replaced when you give the first answer.`);
  }
  if (leftOut > 0) lines.push(`${leftOut} item${leftOut === 1 ? ' is' : 's are'} for other roles than ${base.respondent.role ?? ''} and left out.`);
  lines.push(style.dim(`Saving to ${out.shown} after every answer. Stop any time with Ctrl-C.`), '', '');
  const text = wrapForTerminal(lines.join('\n'), terminalColumns(ctx.stderr));
  ctx.stderr.write(text); // wrapped already, and ends in a line break
  // The text ends in a blank line and a line break: the first question starts on the row after it.
  return text.split('\n').length - 1;
}

function stopped(ctx: CliContext, style: Style, rubric: Rubric, out: OutFile, autosave: Autosave, rubricRef: string | undefined): void {
  const saved = autosave.onDisk();
  if (saved === undefined) {
    note(ctx, `\n${style.yellow('Stopped.')} Nothing was answered, so nothing was saved.`);
    return;
  }
  const answered = countAnswered(rubric, saved);
  note(ctx, [
    '',
    `${style.yellow('Stopped.')} ${answered} of ${rubricItems(rubric).length} answered, saved in ${out.shown}.`,
    'To go on where you left off:',
    `  ${style.cyan(unbreakable(resumeCommand(out, rubricRef)))}`,
  ].join('\n'));
}

/** The report `svcaudit score` prints for this one file. */
async function printReport(ctx: CliContext, style: Style, rubric: Rubric, set: AnswerSet): Promise<void> {
  const tally = createTally(rubric);
  addAnswerSet(tally, set);
  const report = buildReport(tally);
  const text = await loadGapFormat('text');
  ctx.stdout.write(`\n${text(report, { style, ...reportLayout(ctx), terminal: true })}`);
}

function finish(ctx: CliContext, style: Style, rubric: Rubric, out: OutFile, result: SessionResult, rubricRef: string | undefined): void {
  const total = rubricItems(rubric).length;
  const lines = ['', `${style.green('✔')} Answers saved to ${style.bold(out.shown)} (${total - result.unanswered} of ${total} answered).`];
  if (result.unanswered > 0) lines.push(`  ${result.unanswered} left unanswered; to come back to them: ${style.cyan(unbreakable(resumeCommand(out, rubricRef)))}`);
  lines.push(`  To print this report again: ${style.cyan(unbreakable(scoreCommand(out, rubricRef)))}`);
  note(ctx, lines.join('\n'));
}
