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
import { countAnswered, firstUnanswered, runSession, type SessionResult } from '../../app/assess/session.js';
import type { Outcome } from '../../core/outcome.js';
import { SvcauditError } from '../../core/errors.js';
import { rubricForRole, rubricItems, type Rubric } from '../../rubric/model.js';
import { addAnswerSet, buildReport, createTally } from '../../scoring/index.js';
import type { Style } from '../../report/shared/style.js';
import { loadCommandRubric } from '../command-rubric.js';
import { loadGapFormat } from '../../report/gap/formats.js';
import { createAutosave, type Autosave } from '../assess/autosave.js';
import { guardInterrupts } from '../assess/interrupt.js';
import { introLines } from '../assess/intro.js';
import { launchCommand, startedElsewhere } from '../assess/invocation.js';
import { checkFolderWritable, resolveOutFile, resumeCommand, scoreCommand, startMode, type OutFile, type RunAgain, type StartMode } from '../assess/out-file.js';
import { createPrompts, isPromptInterrupt } from '../assess/prompts.js';
import { localDate, note, reportLayout, styleForStderr, styleForStdout, type CliContext } from '../context.js';
import type { AssessFlags } from './assess-flags.js';
import { terminalColumns, unbreakable, wrapForTerminal } from '../terminal-text.js';


export async function runAssess(options: AssessFlags, ctx: CliContext): Promise<Outcome> {
  // Every command printed from here on starts svcaudit the way this run was started (npx, node, on PATH).
  const launch = { script: ctx.script, env: ctx.env, cwd: ctx.cwd };
  const cli = launchCommand(launch);
  requireTerminal(ctx, cli);
  const today = localDate();
  const out = resolveOutFile(options.out, ctx.cwd, today);
  const again: RunAgain = { cli, rubric: options.rubric, role: options.role, absolute: startedElsewhere(launch) };
  // Every text the screens draw is made inert once, here (report/shared/terminal-text.ts).
  const rubric = inertRubric(await loadCommandRubric(options.rubric, ctx));
  const mode = startMode(out, options, resumeCommand(out, again));
  checkFolderWritable(out);
  // Held from before the file is read until the session ends, however it ends.
  const lock = acquireLock(out, options);
  try {
    return await assessLocked(options, ctx, out, rubric, mode, today, { cli, again });
  } finally {
    lock.release();
  }
}

async function assessLocked(options: AssessFlags, ctx: CliContext, out: OutFile, rubric: Rubric, mode: StartMode, today: string, { cli, again }: { cli: string; again: RunAgain }): Promise<Outcome> {
  const [style, errStyle] = await Promise.all([styleForStdout(ctx, options), styleForStderr(ctx, options)]);

  // The answers loader is only needed to resume: a new session does not pay for loading it.
  const resumed = mode === 'resume' ? await (await import('../assess/resume.js')).readResumeFile(out, rubric, ctx, errStyle, cli) : undefined;
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
  introduce(ctx, errStyle, asked.rubric, out, mode, base, asked.leftOut);

  const autosave = createAutosave(out, base, rubric, ctx, resumed?.text);
  const guard = guardInterrupts();
  let result: SessionResult;
  let prompts: Awaited<ReturnType<typeof createPrompts>> | undefined;
  try {
    prompts = await createPrompts(asked.rubric, ctx, style, guard.signal);
    // The intro is read before the first question takes the screen; a finished file has no question to wait for.
    if (firstUnanswered(asked.rubric, base.answers) < rubricItems(asked.rubric).length) await prompts.start();
    result = await runSession(asked.rubric, base.answers, { ...prompts, save: autosave.save });
  } catch (error) {
    if (!isPromptInterrupt(error)) throw error;
    // A closed terminal (SIGHUP) has nobody to read the message, and writing to it can fail.
    if (guard.received() !== 'SIGHUP') stopped(ctx, errStyle, asked.rubric, out, autosave, again, prompts?.stoppedInNote() ?? false);
    return 'interrupted';
  } finally {
    guard.dispose();
  }

  // A session that wrote nothing still leaves a file (every item skipped: the respondent and date), but a
  // resumed file that was already complete is not rewritten for nothing.
  const respondentChanged = existing !== undefined && JSON.stringify(existing.respondent) !== JSON.stringify(base.respondent);
  if (!autosave.wrote() && (mode !== 'resume' || respondentChanged)) await autosave.save(result.answers);
  // Saved, then the report: it ends with Start here, which must be what is on screen when the output ends.
  finish(ctx, errStyle, asked.rubric, out, result, again);
  await printReport(ctx, style, rubric, { ...base, answers: result.answers });
  return 'ok';
}

/** inquirer without a terminal half-draws a prompt and fails, or reads piped input as keystrokes. */
function requireTerminal(ctx: CliContext, cli: string): void {
  if (ctx.stdin.isTTY === true && ctx.stdout.isTTY === true) return;
  throw new SvcauditError(
    'no-terminal',
    [
      '`svcaudit assess` asks its questions in a terminal, and stdin or stdout is not one (as in CI or with piped input).',
      'To answer without a terminal, fill in a blank answers file and score it:',
      `  ${cli} template > answers.yaml`,
      `  ${cli} score answers.yaml`,
    ].join('\n'),
  );
}

/** The lines above the first question, wrapped to the terminal. */
function introduce(ctx: CliContext, style: Style, rubric: Rubric, out: OutFile, mode: StartMode, base: AnswerSet, leftOut: number): void {
  const total = rubricItems(rubric).length;
  let start: string | undefined;
  if (mode === 'resume') {
    const answered = countAnswered(rubric, base.answers);
    start = answered === total ? `All ${total} items in ${out.shown} are answered already.` : `Resuming ${out.shown}: ${answered} of ${total} answered.`;
  } else if (mode === 'fresh') {
    start = `There is no ${out.shown} yet, so this starts a new assessment there.`;
  } else if (mode === 'overwrite') {
    start = `--force: ${out.shown} will be replaced when you give the first answer.`;
  }
  const others = leftOut > 0 ? `${leftOut} item${leftOut === 1 ? ' is' : 's are'} for other roles than ${base.respondent.role ?? ''} and left out.` : undefined;
  const lines = introLines(rubric, style, { who: respondentLabel(base), start, leftOut: others, file: out.shown });
  ctx.stderr.write(`${wrapForTerminal(lines.join('\n'), terminalColumns(ctx.stderr))}\n`);
}

function stopped(ctx: CliContext, style: Style, rubric: Rubric, out: OutFile, autosave: Autosave, again: RunAgain, inNote: boolean): void {
  const saved = autosave.onDisk();
  if (saved === undefined) {
    note(ctx, `\n${style.yellow('Stopped.')} Nothing was answered, so nothing was saved.`);
    return;
  }
  const answered = countAnswered(rubric, saved);
  note(ctx, [
    '',
    `${style.yellow('Stopped.')} ${answered} of ${rubricItems(rubric).length} answered, saved in ${out.shown}${inNote ? ', with the note you were typing' : ''}.`,
    'To go on where you left off:',
    `  ${style.cyan(unbreakable(resumeCommand(out, again)))}`,
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

function finish(ctx: CliContext, style: Style, rubric: Rubric, out: OutFile, result: SessionResult, again: RunAgain): void {
  const total = rubricItems(rubric).length;
  const left = result.unanswered;
  const lines = ['', `${style.green('✔')} Answers saved to ${style.bold(out.shown)} (${total - left} of ${total} answered).`];
  if (left > 0) {
    const them = left === 1 ? '1 item is left unanswered; to answer it' : `${left} items are left unanswered; to answer them`;
    lines.push(`  ${them}: ${style.cyan(unbreakable(resumeCommand(out, again)))}`);
  }
  lines.push(`  To print this report again: ${style.cyan(unbreakable(scoreCommand(out, again)))}`);
  note(ctx, lines.join('\n'));
}
