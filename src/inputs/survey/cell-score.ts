/**
 * An answer cell → a score (docs/file-formats.md, "Cells"): an na word (the built-in ones and the
 * mapping's, which win over numbers, so a `-99` or an `8` listed there is na); the mapping's
 * labels; a number that is a level; the rubric's scale labels; a label carrying its level
 * (`4 - Consistent`, `4. Consistent`, `Consistent (4)`); empty is unanswered. Anything else is
 * refused with the closest label, so nothing is dropped silently.
 */
import type { Score } from '../../core/answers.js';
import { closest, editDistance } from '../../core/suggest.js';
import type { Scale } from '../../rubric/model.js';
import { isLevel } from '../../rubric/scale.js';
import { fold } from './fold.js';

export const NA_WORDS: readonly string[] = ['na', 'n/a', 'n.a.', 'not applicable', "don't know"];

export interface LabelBook {
  readonly scale: Pick<Scale, 'min' | 'max'>;
  /** Folded text → level: the mapping's labels, then the rubric's (the first wins). */
  readonly labels: ReadonlyMap<string, number>;
  /** Folded na words, built-in and the mapping's. */
  readonly na: ReadonlySet<string>;
  /** The labels as written, for "did you mean". */
  readonly shownLabels: readonly string[];
  /**
   * Results by cell text: a rating column holds a handful of distinct texts over a million rows,
   * so each is folded and looked up once (bounded, for free text read as answers by mistake).
   */
  readonly seen: Map<string, CellResult>;
}

const MAX_SEEN = 4096;

export function labelBook(scale: Scale, mappingLabels: ReadonlyMap<string, number> | undefined, mappingNa: ReadonlySet<string> | undefined, shownMappingLabels: readonly string[] = []): LabelBook {
  const labels = new Map(mappingLabels ?? []);
  for (const [level, label] of scale.labels) if (!labels.has(fold(label))) labels.set(fold(label), level);
  return {
    scale,
    labels,
    na: new Set([...NA_WORDS, ...(mappingNa ?? [])]),
    shownLabels: [...shownMappingLabels, ...scale.labels.values()],
    seen: new Map(),
  };
}

type CellResult =
  | { readonly score: Score }
  | { readonly problem: 'not-integer' | 'out-of-scale' | 'unknown'; readonly closest: string | undefined };

export function cellScore(raw: string, book: LabelBook): CellResult {
  const known = book.seen.get(raw);
  if (known !== undefined) return known;
  const result = scoreOf(raw, book);
  if (book.seen.size < MAX_SEEN) book.seen.set(raw, result);
  return result;
}

function scoreOf(raw: string, book: LabelBook): CellResult {
  const text = fold(raw);
  if (text === '') return { score: null };
  if (book.na.has(text)) return { score: 'na' };
  const labelled = book.labels.get(text);
  if (labelled !== undefined) return { score: labelled };
  // `3.0` is a whole number: spreadsheets and statistics packages write levels that way.
  if (/^[+-]?\d+(\.\d+)?$/.test(text)) {
    const value = Number(text);
    if (!Number.isInteger(value)) return { problem: 'not-integer', closest: undefined };
    return isLevel(value, book.scale) ? { score: value } : { problem: 'out-of-scale', closest: undefined };
  }
  const carried = carriedLevel(text);
  if (carried !== undefined) return isLevel(carried, book.scale) ? { score: carried } : { problem: 'out-of-scale', closest: undefined };
  return { problem: 'unknown', closest: closest(raw.trim(), book.shownLabels) ?? nearestLabel(raw.trim(), book.shownLabels) };
}

/** `4 - Consistent`, `4. Consistent`, `4: Consistent`, `4) Consistent`, `Consistent (4)`, `Consistent - 4` → 4. */
export function carriedLevel(text: string): number | undefined {
  // A word must follow or precede the number, so that codes such as `R-001` or `A4` carry no level.
  const before = /^([+-]?\d+)\s*(?:[-–—.:)=]|\s)\s*\p{L}{2}/u.exec(text);
  if (before) return Number(before[1]);
  const after = /\p{L}{2}\s*\(\s*([+-]?\d+)\s*\)$|\p{L}{2}\s+[-–—:=]\s*([+-]?\d+)$/u.exec(text);
  if (after) return Number(after[1] ?? after[2]);
  return undefined;
}

/** The label fewest edits away, however many: the message always names one to compare with. */
function nearestLabel(text: string, labels: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const label of labels.slice(0, 1000)) {
    const d = editDistance(fold(text).slice(0, 200), fold(label), bestDistance);
    if (d < bestDistance) {
      best = label;
      bestDistance = d;
    }
  }
  return best;
}
