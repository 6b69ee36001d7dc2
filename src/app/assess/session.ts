/**
 * The interactive self-assessment as a state machine, free of I/O: which item
 * comes next, what `back`, `skip` and `na` do, where a resumed session starts.
 * The prompts and the saver are injected, so the whole walk is unit tested
 * without a terminal and the CLI only draws screens and writes files.
 */
import { rubricItems, type Item, type Rubric, type Section } from '../../rubric/model.js';
import { isLevel } from '../../rubric/scale.js';
import { isAnswered, type Answer } from '../../core/answers.js';

/** What the person picked on one screen: a level of the scale, or one of the ways on. */
export type SessionChoice = number | 'na' | 'skip' | 'back';

/** Everything one screen shows. */
export interface SessionScreen {
  readonly item: Item;
  readonly section: Section;
  /** 1-based position in rubric order, for the `4/13` progress. */
  readonly position: number;
  readonly total: number;
  /** The answer the item has now (from the file or an earlier screen), so the prompt can preselect it. */
  readonly answer: Answer | undefined;
  /** False on the first item: there is nothing to go back to. */
  readonly canGoBack: boolean;
  /**
   * The items asked before this one, in order, each with its answer now: what the screen's log of answers
   * shows. Drawn from the answers rather than from a record of the session, so going back and changing an
   * answer leaves one line for the item, the current one.
   */
  readonly before: readonly { readonly item: Item; readonly answer: Answer | undefined }[];
}

export interface SessionIO {
  ask(screen: SessionScreen): Promise<SessionChoice>;
  /**
   * The optional one-line note after a score or `na`; resolves to '' for none. `draft` is told the text as it
   * is typed, so a note stopped half-way (Ctrl-C, a signal) can still be saved.
   */
  askNote(screen: SessionScreen, current: string | undefined, draft: (text: string) => void): Promise<string>;
  /** Called after every change with a snapshot of all answers, so a crash loses nothing. */
  save(answers: ReadonlyMap<string, Answer>): Promise<void>;
}

export interface SessionResult {
  readonly answers: ReadonlyMap<string, Answer>;
  /** Items left without a score (skipped or never reached before the end). */
  readonly unanswered: number;
}

interface Step {
  readonly item: Item;
  readonly section: Section;
}


/** Where a resumed session starts: the first unanswered item in rubric order (the length when none is left). */
export function firstUnanswered(rubric: Rubric, answers: ReadonlyMap<string, Answer>): number {
  const index = rubricItems(rubric).findIndex((item) => !isAnswered(answers.get(item.id)));
  return index < 0 ? rubricItems(rubric).length : index;
}

export function countAnswered(rubric: Rubric, answers: ReadonlyMap<string, Answer>): number {
  return rubricItems(rubric).filter((item) => isAnswered(answers.get(item.id))).length;
}

/**
 * Walks the rubric from the first unanswered item to the end. Skipped items
 * stay unanswered and are not offered again: the report shows completeness,
 * and `--resume` comes back to them. `skip` on an item that has an answer
 * keeps it.
 */
export async function runSession(rubric: Rubric, initial: ReadonlyMap<string, Answer>, io: SessionIO): Promise<SessionResult> {
  const steps: Step[] = rubric.sections.flatMap((section) => section.items.map((item) => ({ item, section })));
  const answers = new Map(initial);
  const save = () => io.save(new Map(answers));
  let index = firstUnanswered(rubric, answers);

  while (index < steps.length) {
    const { item, section } = steps[index]!;
    const screen = (): SessionScreen => ({
      item,
      section,
      position: index + 1,
      total: steps.length,
      answer: answers.get(item.id),
      canGoBack: index > 0,
      before: steps.slice(0, index).map((step) => ({ item: step.item, answer: answers.get(step.item.id) })),
    });
    const choice = await io.ask(screen());

    if (choice === 'back') {
      // Offered from the second item on; a stray `back` on the first stays put.
      index = Math.max(0, index - 1);
      continue;
    }
    if (choice === 'skip') {
      // Moves on and changes nothing: an unanswered item stays unanswered, and an answered one (come back to,
      // or answered in a resumed file) keeps its answer. The key acts at once, so it must never erase one.
      index++;
      continue;
    }
    if (choice !== 'na' && !isLevel(choice, rubric.scale)) {
      throw new RangeError(`${choice} is not a level of the scale ${rubric.scale.min}..${rubric.scale.max}`);
    }

    const before = answers.get(item.id);
    answers.set(item.id, { score: choice, note: before?.note, evidence: before?.evidence ?? [] });
    // Saved before the note is asked: Ctrl-C at the note prompt must not lose the score.
    await save();
    const typed = (await askNote(io, screen(), before?.note, async (draft) => {
      // Stopped while typing the note: what was typed is kept, as ⏎ would have kept it. An emptied field
      // keeps the note there was; only ⏎ on an empty line removes it.
      if (draft === '' || draft === before?.note) return;
      answers.set(item.id, { ...answers.get(item.id)!, note: draft });
      await save();
    })).trim();
    const note = typed === '' ? undefined : typed;
    if (note !== before?.note) {
      answers.set(item.id, { ...answers.get(item.id)!, note });
      await save();
    }
    index++;
  }

  return { answers, unanswered: steps.length - countAnswered(rubric, answers) };
}

/** The note prompt; when it is stopped, `keep` saves the text typed so far before the stop goes on. */
async function askNote(io: SessionIO, screen: SessionScreen, current: string | undefined, keep: (draft: string) => Promise<void>): Promise<string> {
  let draft = current ?? '';
  try {
    return await io.askNote(screen, current, (text) => {
      draft = text;
    });
  } catch (error) {
    await keep(draft.trim());
    throw error;
  }
}
