/**
 * The session state machine of `svcaudit assess` with scripted prompts: the
 * order of the questions, back, skip, na, notes, resume, and a save after
 * every change.
 */
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answers.js';
import { firstUnanswered, runSession, type SessionChoice, type SessionIO, type SessionScreen } from '../../src/app/assess/session.js';
import { buildRubric } from '../helpers/build.js';

const rubric = buildRubric({
  sections: [
    { id: 'first', items: ['a', 'b', 'c'] },
    { id: 'second', items: ['d', 'e'] },
  ],
});

type Step = SessionChoice | { choice: SessionChoice; note: string };

/** Prompts that play a script: each step answers one screen; a note step also answers the note prompt. */
function scripted(steps: readonly Step[]) {
  const queue = [...steps];
  const screens: SessionScreen[] = [];
  const noteAsks: Array<{ item: string; current: string | undefined }> = [];
  const saves: Array<Map<string, Answer>> = [];
  let pendingNote = '';
  const io: SessionIO = {
    async ask(screen) {
      screens.push(screen);
      const step = queue.shift();
      if (step === undefined) throw new Error(`script ran out at ${screen.item.id}`);
      if (typeof step === 'object') {
        pendingNote = step.note;
        return step.choice;
      }
      pendingNote = '';
      return step;
    },
    async askNote(screen, current) {
      noteAsks.push({ item: screen.item.id, current });
      return pendingNote;
    },
    async save(answers) {
      saves.push(new Map(answers));
    },
  };
  return { io, screens, noteAsks, saves, left: () => queue.length };
}

const scores = (answers: ReadonlyMap<string, Answer>) => Object.fromEntries([...answers].map(([id, a]) => [id, a.score]));
const visited = (screens: readonly SessionScreen[]) => screens.map((s) => s.item.id);
const answer = (score: Answer['score'], note?: string, evidence: string[] = []): Answer => ({ score, note, evidence });

describe('order and progress', () => {
  it('asks every item once in rubric order, with its section, position and total', async () => {
    const s = scripted([1, 2, 3, 4, 5]);
    const result = await runSession(rubric, new Map(), s.io);
    expect(visited(s.screens)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(s.screens.map((x) => `${x.section.id} ${x.position}/${x.total}`)).toEqual(['first 1/5', 'first 2/5', 'first 3/5', 'second 4/5', 'second 5/5']);
    expect(scores(result.answers)).toEqual({ a: 1, b: 2, c: 3, d: 4, e: 5 });
    expect(result.unanswered).toBe(0);
    expect(s.left()).toBe(0);
  });

  it('offers back from the second question on, not on the first', async () => {
    const s = scripted([1, 2, 3, 4, 5]);
    await runSession(rubric, new Map(), s.io);
    expect(s.screens.map((x) => x.canGoBack)).toEqual([false, true, true, true, true]);
  });

  it('rejects a score that is not a level of the scale', async () => {
    await expect(runSession(rubric, new Map(), scripted([7]).io)).rejects.toThrow(/not a level/);
    await expect(runSession(rubric, new Map(), scripted([2.5]).io)).rejects.toThrow(/not a level/);
  });
});

describe('back', () => {
  it('returns to the previous item, shows its answer and keeps it when chosen again', async () => {
    const s = scripted([4, 'back', 4, 2, 3, 3, 3]);
    const result = await runSession(rubric, new Map(), s.io);
    expect(visited(s.screens)).toEqual(['a', 'b', 'a', 'b', 'c', 'd', 'e']);
    expect(s.screens[2]!.answer?.score).toBe(4); // preselected on the way back
    expect(scores(result.answers)).toEqual({ a: 4, b: 2, c: 3, d: 3, e: 3 });
  });

  it('lets an answer be changed after going back, and saves the change', async () => {
    const s = scripted([4, 'back', 1, 2, 3, 3, 3]);
    const result = await runSession(rubric, new Map(), s.io);
    expect(result.answers.get('a')?.score).toBe(1);
    expect(s.saves.some((saved) => saved.get('a')?.score === 4)).toBe(true);
    expect(s.saves.at(-1)!.get('a')?.score).toBe(1);
  });

  it('goes back across sections and several steps', async () => {
    const s = scripted([1, 2, 3, 'back', 'back', 'back', 5, 2, 3, 4, 5]);
    await runSession(rubric, new Map(), s.io);
    expect(visited(s.screens)).toEqual(['a', 'b', 'c', 'd', 'c', 'b', 'a', 'b', 'c', 'd', 'e']);
  });

  it('ignores a stray back on the first item', async () => {
    const s = scripted(['back', 1, 2, 3, 4, 5]);
    await runSession(rubric, new Map(), s.io);
    expect(visited(s.screens).slice(0, 2)).toEqual(['a', 'a']);
  });
});

describe('skip and na', () => {
  it('skip leaves the item unanswered, moves on and does not come back to it', async () => {
    const s = scripted([1, 'skip', 3, 'skip', 5]);
    const result = await runSession(rubric, new Map(), s.io);
    expect(visited(s.screens)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(scores(result.answers)).toEqual({ a: 1, c: 3, e: 5 });
    expect(result.unanswered).toBe(2);
    // Skipping an unanswered item changes nothing, so nothing is saved and no note is asked for.
    expect(s.noteAsks.map((n) => n.item)).toEqual(['a', 'c', 'e']);
  });

  it('skip on an answered item keeps its answer, note and evidence, and saves nothing', async () => {
    const initial = new Map([['a', answer(4, 'kept', ['a quote'])]]);
    // The resumed session starts at b; going back to a and skipping it leaves a as it was.
    const s = scripted(['back', 'skip', 2, 3, 3, 3]);
    const result = await runSession(rubric, initial, s.io);
    expect(visited(s.screens)).toEqual(['b', 'a', 'b', 'c', 'd', 'e']);
    expect(result.answers.get('a')).toEqual(answer(4, 'kept', ['a quote']));
    expect(s.saves[0]!.get('a')?.score).toBe(4);
    expect(s.saves[0]!.get('b')?.score).toBe(2); // the first save is b's answer: the skip saved nothing
    expect(result.unanswered).toBe(0);
  });

  it('na is an answer, with an optional note', async () => {
    const s = scripted([{ choice: 'na', note: 'we have no phone line' }, 2, 3, 4, 5]);
    const result = await runSession(rubric, new Map(), s.io);
    expect(result.answers.get('a')).toEqual(answer('na', 'we have no phone line'));
    expect(result.unanswered).toBe(0);
  });
});

describe('notes', () => {
  it('asks for a note after every score and na; an empty or blank note is none', async () => {
    const s = scripted([{ choice: 3, note: '  Calls after 6pm ring out  ' }, { choice: 2, note: '   ' }, 'na', 4, 5]);
    const result = await runSession(rubric, new Map(), s.io);
    expect(s.noteAsks.map((n) => n.item)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(result.answers.get('a')?.note).toBe('Calls after 6pm ring out');
    expect(result.answers.get('b')?.note).toBeUndefined();
  });

  it('offers the existing note for editing, and an empty answer removes it', async () => {
    const initial = new Map([
      ['a', answer(4, 'old note')],
      ['b', answer(3, 'second note')],
    ]);
    // Starts at c, then goes back to a through b.
    const s = scripted([{ choice: 4, note: '' }, 'back', 'back', 'back', { choice: 5, note: 'new note' }, { choice: 3, note: '' }, 3, 3, 3]);
    const result = await runSession(rubric, initial, s.io);
    expect(s.noteAsks[0]).toEqual({ item: 'c', current: undefined });
    expect(s.noteAsks[1]).toEqual({ item: 'a', current: 'old note' });
    expect(s.noteAsks[2]).toEqual({ item: 'b', current: 'second note' });
    expect(result.answers.get('a')?.note).toBe('new note');
    expect(result.answers.get('b')?.note).toBeUndefined();
  });

  it('keeps evidence from the file when an item is answered again', async () => {
    const initial = new Map([['a', answer(2, undefined, ['Waited 14 min on hold'])]]);
    const s = scripted([1, 'back', 'back', 4, 1, 1, 1, 1]);
    const result = await runSession(rubric, initial, s.io);
    expect(result.answers.get('a')).toEqual(answer(4, undefined, ['Waited 14 min on hold']));
  });
});

describe('saving', () => {
  it('saves after the score (before the note is asked) and again after a note', async () => {
    const events: string[] = [];
    const io: SessionIO = {
      async ask(screen) {
        events.push(`ask ${screen.item.id}`);
        return screen.item.id === 'a' ? 3 : 'skip';
      },
      async askNote(screen) {
        events.push(`note ${screen.item.id}`);
        return 'a note';
      },
      async save(answers) {
        events.push(`save ${JSON.stringify(scores(answers))} note=${answers.get('a')?.note ?? '-'}`);
      },
    };
    await runSession(rubric, new Map(), io);
    expect(events.slice(0, 4)).toEqual(['ask a', 'save {"a":3} note=-', 'note a', 'save {"a":3} note=a note']);
  });

  it('hands the saver a snapshot after every answer, so each save holds everything so far', async () => {
    const s = scripted([2, 3, 'na', 'back', 4, 5, 1]);
    await runSession(rubric, new Map(), s.io);
    expect(s.saves.map(scores)).toEqual([
      { a: 2 },
      { a: 2, b: 3 },
      { a: 2, b: 3, c: 'na' },
      { a: 2, b: 3, c: 4 },
      { a: 2, b: 3, c: 4, d: 5 },
      { a: 2, b: 3, c: 4, d: 5, e: 1 },
    ]);
    // A snapshot is not the session's live map: later answers do not change an earlier save.
    expect(s.saves[0]!.size).toBe(1);
  });

  it('stops at once, keeping what was saved, when a prompt is interrupted', async () => {
    const s = scripted([1, 2, 3]);
    await expect(runSession(rubric, new Map(), s.io)).rejects.toThrow(/script ran out at d/);
    expect(scores(s.saves.at(-1)!)).toEqual({ a: 1, b: 2, c: 3 });
  });
});

describe('the log of earlier answers', () => {
  it('gives each screen the items before it with their answers now, one entry per item, after going back too', async () => {
    const s = scripted([4, 2, 'back', 5, 3, 3, 3]);
    await runSession(rubric, new Map(), s.io);
    const before = (screen: SessionScreen) => screen.before.map((b) => `${b.item.id}=${b.answer?.score ?? '-'}`);
    expect(before(s.screens[0]!)).toEqual([]);
    expect(before(s.screens[2]!)).toEqual(['a=4', 'b=2']);
    // Back at b, whose answer is then changed to 5: at c the log holds b once, as it is now.
    expect(visited(s.screens).slice(0, 5)).toEqual(['a', 'b', 'c', 'b', 'c']);
    expect(before(s.screens[4]!)).toEqual(['a=4', 'b=5']);
  });
});

describe('a note stopped half-way', () => {
  /** Prompts that answer `a` with 3, then type `typed` at its note prompt and are stopped (Ctrl-C). */
  function stoppedWhileTyping(typed: string) {
    const saves: Array<Map<string, Answer>> = [];
    const io: SessionIO = {
      async ask() {
        return 3;
      },
      async askNote(_screen, _current, draft) {
        for (let i = 1; i <= typed.length; i++) draft(typed.slice(0, i));
        throw Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' });
      },
      async save(answers) {
        saves.push(new Map(answers));
      },
    };
    return { io, saves };
  }

  it('is saved with the score before the stop goes on, so nothing typed is lost', async () => {
    const s = stoppedWhileTyping('  Calls after 6pm ring o');
    await expect(runSession(rubric, new Map(), s.io)).rejects.toThrow(/SIGINT/);
    expect(s.saves.at(-1)!.get('a')).toEqual(answer(3, 'Calls after 6pm ring o'));
  });

  it('keeps the note there was when the field was emptied, and saves nothing more when nothing was typed', async () => {
    const initial = new Map([['a', answer(2, 'old note')]]);
    const emptied = stoppedWhileTyping('');
    // Resumed at b; the script goes back to a and answers it, then is stopped at its note prompt.
    let asked = 0;
    const io: SessionIO = { ...emptied.io, ask: async () => (asked++ === 0 ? 'back' : 3) };
    await expect(runSession(rubric, initial, io)).rejects.toThrow(/SIGINT/);
    expect(emptied.saves).toHaveLength(1); // the score, saved before the note was asked
    expect(emptied.saves[0]!.get('a')).toEqual(answer(3, 'old note'));
  });
});

describe('resume', () => {
  it('starts at the first unanswered item and keeps the answers, notes and evidence of the file', async () => {
    const initial = new Map([
      ['a', answer(4, 'from the file', ['a quote'])],
      ['b', answer('na')],
      ['d', answer(2)],
    ]);
    const s = scripted([3, 'skip', 'skip']);
    const result = await runSession(rubric, initial, s.io);
    // c is the first gap; d was answered in the file but comes after it, so it is shown on the way, and
    // skipping it keeps the answer the file gave it.
    expect(visited(s.screens)).toEqual(['c', 'd', 'e']);
    expect(s.screens[1]!.answer?.score).toBe(2);
    expect(result.answers.get('a')).toEqual(answer(4, 'from the file', ['a quote']));
    expect(scores(result.answers)).toEqual({ a: 4, b: 'na', d: 2, c: 3 });
  });

  it('treats a blank score (`item:` with no value) as unanswered', () => {
    expect(firstUnanswered(rubric, new Map([['a', answer(1)], ['b', answer(null)]]))).toBe(1);
  });

  it('asks nothing when every item is answered already', async () => {
    const all = new Map(['a', 'b', 'c', 'd', 'e'].map((id) => [id, answer(3)]));
    const s = scripted([]);
    const result = await runSession(rubric, all, s.io);
    expect(s.screens).toEqual([]);
    expect(s.saves).toEqual([]);
    expect(result.unanswered).toBe(0);
  });

  it('does not change the map it was given', async () => {
    const initial = new Map([['a', answer(4)]]);
    await runSession(rubric, initial, scripted([1, 1, 1, 1]).io);
    expect([...initial.keys()]).toEqual(['a']);
  });
});

describe('done', () => {
  it('ends after the last item even when items were skipped, offering nothing more', async () => {
    const s = scripted(['skip', 'skip', 'skip', 'skip', 'skip']);
    const result = await runSession(rubric, new Map(), s.io);
    expect(s.screens).toHaveLength(5);
    expect(result.answers.size).toBe(0);
    expect(result.unanswered).toBe(5);
  });

  it('ends when the last item is answered after going back from it', async () => {
    const s = scripted([1, 1, 1, 1, 'back', 1, 2]);
    const result = await runSession(rubric, new Map(), s.io);
    expect(visited(s.screens)).toEqual(['a', 'b', 'c', 'd', 'e', 'd', 'e']);
    expect(result.unanswered).toBe(0);
  });
});
