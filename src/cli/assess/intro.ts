/**
 * What `svcaudit assess` says once, before the first question: the rubric's
 * title and description (how to score: what evidence counts), the target the
 * answers are measured against, where the answers are saved, and what the
 * keys do, with the difference between "not applicable" and "skip". The
 * questions themselves have no room for it on a common 80×24 terminal.
 */
import type { Style } from '../../report/shared/style.js';
import { rubricItems, type Rubric } from '../../rubric/model.js';

/** The target most items share (the rubric's own on a tie): said once at the start, and per question only where an item's differs. */
export function usualTarget(rubric: Rubric): number {
  const counts = new Map<number, number>();
  for (const item of rubricItems(rubric)) counts.set(item.target, (counts.get(item.target) ?? 0) + 1);
  let best = rubric.target;
  for (const [target, count] of counts) if (count > (counts.get(best) ?? 0)) best = target;
  return best;
}

/** `4 Consistent`, or `4` for a level without a label. */
export function levelName(rubric: Rubric, level: number): string {
  const label = rubric.scale.labels.get(level);
  return label === undefined ? String(level) : `${level} ${label}`;
}

interface IntroFacts {
  /** `Dana, manager`, when the respondent is known. */
  readonly who: string | undefined;
  /** Where the session starts: a new file, a resumed one, a replaced one. */
  readonly start: string | undefined;
  /** Items for other roles than `--role`, not asked. */
  readonly leftOut: string | undefined;
  /** The answers file as shown. */
  readonly file: string;
}

/** The intro's lines, not yet wrapped (the caller wraps them to the terminal). */
export function introLines(rubric: Rubric, style: Style, facts: IntroFacts): string[] {
  const items = rubricItems(rubric);
  const usual = usualTarget(rubric);
  const others = items.filter((item) => item.target !== usual).length;
  const { min, max } = rubric.scale;
  const digits = min >= 0 && max <= 9 ? `${min}-${max} answer at once` : '↑↓ and ⏎ answer';
  return [
    `${style.bold(rubric.title)} ${style.dim(`· ${items.length} question${items.length === 1 ? '' : 's'}${facts.who ? ` · ${facts.who}` : ''}`)}`,
    ...(rubric.description ? ['', rubric.description.trim(), ''] : []),
    others === 0
      ? `Target: ${levelName(rubric, usual)} on every item.`
      : `Target: ${levelName(rubric, usual)} on ${items.length - others} of ${items.length} items; a question says when its target is another.`,
    ...(facts.start ? [facts.start] : []),
    ...(facts.leftOut ? [facts.leftOut] : []),
    `Keys: ${digits} · n not applicable (left out of the score; only where it cannot apply) · s skip for now (an answer given is kept) · b back.`,
    style.dim(`Saving to ${facts.file} after every answer. Stop any time with Ctrl-C.`),
    '',
  ];
}
