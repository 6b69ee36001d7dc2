/**
 * Resuming an answers file writes back into the file's own YAML document, so
 * that what the user wrote and svcaudit does not model (comments, `x-` keys,
 * the order and style of what is already there) stays. Only values that
 * changed are set (a file with no change comes back byte for byte); answers
 * new to the file are added at the end of `answers:`, and an answer the
 * session cleared is removed.
 */
import { isMap, parseDocument, type Document } from 'yaml';
import type { AnswerSet } from '../../core/answers.js';

type Path = readonly (string | number)[];

/**
 * `base`: the text of the file being resumed (it has been checked, so it parses). `answers` maps
 * each item id, in the order to write, to its value as a fresh file would hold it (undefined: none).
 */
export function updateAnswersText(base: string, set: AnswerSet, rubricRef: string, answers: ReadonlyMap<string, unknown>): string {
  const doc = parseDocument(base);
  // `answers: {}` in a file with nothing answered yet: answers added to it go one per line.
  for (const key of ['respondent', 'answers']) {
    const node = doc.get(key, true);
    if (isMap(node) && node.items.length === 0) node.flow = false;
  }
  const edit = new Edit(doc);
  edit.set(['rubric'], rubricRef);
  for (const [key, value] of Object.entries(set.respondent)) edit.set(['respondent', key], value);
  if (set.date !== undefined) edit.set(['date'], set.date);
  for (const [id, value] of answers) {
    const path = ['answers', id];
    if (value === undefined) {
      edit.remove(path);
    } else if (value instanceof Map && isMap(doc.getIn(path, true))) {
      // Field by field, so keys of the user's own inside an answer (`x-…`) stay.
      for (const field of ['score', 'note', 'evidence']) {
        if (value.has(field)) edit.set([...path, field], value.get(field));
        else edit.remove([...path, field]);
      }
    } else {
      edit.set(path, value);
    }
  }
  return edit.changed ? doc.toString({ lineWidth: 0, minContentWidth: 0 }) : base;
}

/** Sets and removes values in a document, only where they differ, and remembers whether any did. */
class Edit {
  changed = false;

  constructor(private readonly doc: Document) {}

  set(path: Path, value: unknown): void {
    const current: unknown = this.doc.getIn(path);
    const now = current !== null && typeof current === 'object' && 'toJSON' in current ? (current as { toJSON(): unknown }).toJSON() : current;
    const wanted = value instanceof Map ? Object.fromEntries(value) : value;
    if (JSON.stringify(now) === JSON.stringify(wanted)) return;
    this.doc.setIn(path, value);
    this.changed = true;
  }

  remove(path: Path): void {
    if (!this.doc.hasIn(path)) return;
    this.doc.deleteIn(path);
    this.changed = true;
  }
}
