/**
 * Words the human formats (text, markdown) share, so a flag or a phase reads
 * the same in a terminal and in a client document.
 */
import { fixed } from '../shared/numbers.js';
import { LOW_AGREEMENT_MEANS, PERCEPTION_GAP_MEANS } from '../shared/intervals.js';
import type { ItemFlag, ItemResult, PlanPhase, Quote, Report, ShownPlanStep } from '../../scoring/report.js';

/** JSON keeps the kebab-case names; people read words. */
export const FLAG_LABEL: Readonly<Record<ItemFlag, string>> = {
  'perception-gap': 'perception gap',
  'low-agreement': 'low agreement',
};

/** An item nobody scored is not a gap of zero; say so where its flags go. */
export const NOT_SCORED = 'not scored';

export function flagWords(item: Pick<ItemResult, 'score' | 'flags'>): string[] {
  const words = item.flags.map((flag) => FLAG_LABEL[flag]);
  return item.score === null ? [NOT_SCORED, ...words] : words;
}

/** docs/formulas.md: phases 1..3 are the three 30-day periods; phase 4 is what does not fit in 90 days. */
const PHASES: readonly { readonly phase: PlanPhase; readonly title: string }[] = [
  { phase: 1, title: 'First 30 days' },
  { phase: 2, title: 'Days 31-60' },
  { phase: 3, title: 'Days 61-90' },
  { phase: 4, title: 'Later' },
];

/** How many ranked gaps the "Top gaps" list shows: enough to act on, few enough to read. */
export const TOP_GAPS = 5;

/**
 * Who said it, as `--attribution` says (`customer 2`, a name), or nobody: never the file it came
 * from, since an interview file is usually named after the interviewee.
 */
export function quoteAuthor(quote: Quote): string | undefined {
  return quote.by;
}


/** Report item titles by id, for the plan (whose steps carry only the item id). */
export function titlesById(items: readonly Pick<ItemResult, 'id' | 'title'>[]): (id: string) => string {
  const titles = new Map(items.map((item) => [item.id, item.title]));
  return (id) => titles.get(id) ?? id;
}

/** What the top gaps say when there are none: nothing scored yet, or every target met. */
export function noGapsText(report: Pick<Report, 'overall'>): string {
  return report.overall.score === null ? 'Nothing was scored yet.' : 'None: every scored item meets its target.';
}

/**
 * Why a plan is empty, in words every format uses: gaps with no action that applies are the
 * rubric's to fix, not the reader's, so say which case this is.
 */
export function emptyPlanText(items: readonly Pick<ItemResult, 'gap'>[]): string {
  return items.some((item) => (item.gap ?? 0) > 0) ? 'The rubric has no actions for the current gaps.' : 'Nothing to do: every scored item meets its target.';
}

/** The plan's phases that have steps, in order, each with its title (`First 30 days`). */
export function planPhases<T extends Pick<ShownPlanStep, 'phase'>>(plan: readonly T[]): { title: string; steps: T[] }[] {
  return PHASES.map(({ phase, title }) => ({ title, steps: plan.filter((step) => step.phase === phase) })).filter((p) => p.steps.length > 0);
}

/** `owner: team leaders; effort: low`, or the effort alone when the rubric names no owner. */
export function ownerAndEffort(step: Pick<ShownPlanStep, 'owner' | 'effort'>): string {
  return step.owner === null ? `effort: ${step.effort}` : `owner: ${step.owner}; effort: ${step.effort}`;
}

/** What each flag in the report means, said once, after the tables where the flags appear. */
export function flagLegend(report: Pick<Report, 'items'>): string[] {
  const present = new Set(report.items.flatMap((item) => item.flags));
  // Each perception gap names the groups it lies between.
  const gaps = report.items
    .filter((item) => item.flags.includes('perception-gap') && item.spread !== null)
    .map((item) => `${item.title}: ${item.spread!.high} ${fixed(item.groups[item.spread!.high]?.score ?? null)} over ${item.spread!.low} ${fixed(item.groups[item.spread!.low]?.score ?? null)}`);
  return [
    ...(present.has('low-agreement') ? [LOW_AGREEMENT_MEANS] : []),
    ...(gaps.length > 0 ? [`${PERCEPTION_GAP_MEANS}: ${gaps.join('; ')}.`] : []),
  ];
}
