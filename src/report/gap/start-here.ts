/**
 * "Start here": what every human report opens with (docs/formulas.md, "The improvement plan"):
 * a one-line verdict and the first three actions of the plan's first 30 days, with owner and
 * effort. Built once here; text, Markdown and HTML each lay it out.
 */
import type { Report, ShownPlanStep } from '../../scoring/report.js';
import { rankGaps } from '../../scoring/rank.js';
import { isMet } from '../../scoring/tolerance.js';
import { titlesById } from './labels.js';

/** How many actions Start here names: what a manager can begin on Monday. */
const FIRST_ACTIONS = 3;

export interface StartHere {
  /** `2 of 13 items at target; the largest gap: Remove what hinders good service`. */
  readonly verdict: string;
  /** The first actions of phase 1, each with its item's title. */
  readonly actions: readonly (ShownPlanStep & { readonly itemTitle: string })[];
}

/** What the effort tags mean, said once per report. */
export const EFFORT_EXPLAINED = 'Effort: low = days, medium = weeks, high = a quarter-long project.';

export function startHere(report: Pick<Report, 'items' | 'plan' | 'overall'>): StartHere {
  const title = titlesById(report.items);
  const actions = report.plan
    .filter((step) => step.phase === 1)
    .slice(0, FIRST_ACTIONS)
    .map((step) => ({ ...step, itemTitle: title(step.item) }));
  return { verdict: verdictLine(report), actions };
}

function verdictLine(report: Pick<Report, 'items' | 'overall'>): string {
  if (report.overall.score === null) return 'Nothing was scored yet.';
  const total = report.items.length;
  const met = report.items.filter((item) => item.gap !== null && isMet(item.gap)).length;
  const atTarget = `${met} of ${total} item${total === 1 ? '' : 's'} at target`;
  const largest = rankGaps(report)[0];
  return largest === undefined ? `${atTarget}; every scored item meets its target.` : `${atTarget}; the largest gap: ${largest.title}`;
}
