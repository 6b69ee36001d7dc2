/**
 * The session's saver: every change rewrites the whole answers file
 * atomically, and remembers what is on disk, so an interruption can say
 * exactly how much was kept. A failed save (full disk, folder gone) stops the
 * session with the answers printed, so not even the unsaved one is lost.
 */
import type { Answer, AnswerSet } from '../../core/answers.js';
import { SvcauditError } from '../../core/errors.js';
import { removeStaleTemporaries, throughLinks } from '../../core/io/atomic-write.js';
import { rubricItems, type Rubric } from '../../rubric/model.js';
import type { CliContext } from '../context.js';
import type { OutFile } from './out-file.js';

export interface Autosave {
  save(answers: ReadonlyMap<string, Answer>): Promise<void>;
  /** The answers in the file now; undefined while nothing has been written by this session or found by --resume. */
  onDisk(): ReadonlyMap<string, Answer> | undefined;
  /** Whether this session has written the file at least once. */
  wrote(): boolean;
}

/** `resumedText`: the text of the file resumed; every save writes into it, keeping its comments and `x-` keys. */
export function createAutosave(out: OutFile, base: AnswerSet, rubric: Rubric, ctx: CliContext, resumedText?: string): Autosave {
  const order = rubricItems(rubric).map((item) => item.id);
  // What an earlier session killed while saving left behind (the answers file itself is always whole).
  removeStaleTemporaries(throughLinks(out.path));
  let onDisk: ReadonlyMap<string, Answer> | undefined = resumedText !== undefined ? base.answers : undefined;
  let wrote = false;
  // The writer (and the YAML library with it, a quarter of a megabyte) loads once the first question is
  // on screen, while it is being read: loading it before would delay that question.
  let writer: Promise<typeof import('../../inputs/answers-yaml/write-answers.js')> | undefined;
  const loadWriter = () => (writer ??= import('../../inputs/answers-yaml/write-answers.js'));
  setTimeout(() => loadWriter().catch(() => undefined), 300).unref();
  return {
    async save(answers) {
      const set: AnswerSet = { ...base, answers };
      const { formatAnswers, writeAnswersFile } = await loadWriter();
      try {
        await writeAnswersFile(out.path, set, { order, base: resumedText });
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code === 'ENOSPC' ? 'the disk is full' : String((error as Error).message ?? error);
        ctx.stderr.write(`\nYour answers so far, which could not be saved (copy them into a file to keep them):\n\n${formatAnswers(set, order, resumedText)}\n`);
        throw new SvcauditError('file-unwritable', `The answers could not be saved: ${reason}. The file on disk is unchanged.`, { file: out.shown }, { cause: error });
      }
      onDisk = answers;
      wrote = true;
    },
    onDisk: () => onDisk,
    wrote: () => wrote,
  };
}
