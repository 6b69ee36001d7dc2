/**
 * Words the human formats (text, markdown) share, so a flag or a phase reads
 * the same in a terminal and in a client document.
 */
import type { Sequence } from '../../core/sequence.js';
import { fixed } from '../shared/numbers.js';
import { plural } from '../shared/plural.js';
import type { Comment, ExcludedRows, ItemFlag, ItemResult, PlanPhase, Quote, Report, ShownPlanStep } from '../../scoring/report.js';

/** JSON keeps the kebab-case names; people read words. */
export const FLAG_LABEL: Readonly<Record<ItemFlag, string>> = {
  'perception-gap': 'perception gap',
  'low-agreement': 'low agreement',
};

/** What a flag means, in a manager's words (docs/formulas.md, "Agreement" and "Groups"). */
export const FLAG_MEANING: Readonly<Record<ItemFlag, string>> = {
  'low-agreement': "respondents' ratings differ widely; read the score with care",
  'perception-gap': "the highest and the lowest group's scores differ by the --perception-gap threshold (1 point unless set) or more",
};

/** An item nobody scored is not a gap of zero: a status, a chart row or a group figure says so. */
export const NOT_SCORED = 'not scored';

export function flagWords(item: Pick<ItemResult, 'flags'>): string[] {
  return item.flags.map((flag) => FLAG_LABEL[flag]);
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
export function quoteAuthor(quote: Pick<Quote, 'by'>): string | undefined {
  return quote.by;
}

/** The exclusion rules in words (docs/file-formats.md, "Layouts"). */
const EXCLUDED_WORDS: Readonly<Record<ExcludedRows['rule'], string>> = {
  unfinished: 'unfinished',
  preview: 'preview',
  partial: 'partial',
  incomplete: 'never submitted',
  filter: "left out by the mapping's include",
};

/**
 * `3 rows left out: 2 unfinished, 1 preview`, or undefined when no export row was left out
 * (answers files never leave any out, so their reports carry no such line).
 */
export function excludedText(report: { readonly excluded?: readonly ExcludedRows[] }): string | undefined {
  const excluded = report.excluded ?? [];
  if (excluded.length === 0) return undefined;
  const total = excluded.reduce((sum, e) => sum + e.rows, 0);
  return `${plural(total, 'row')} left out: ${excluded.map((e) => `${e.rows} ${EXCLUDED_WORDS[e.rule]}`).join(', ')}`;
}

/** General comments of a report; a report saved before they existed has none. */
export function generalComments(report: { readonly comments?: Sequence<Comment> }): Sequence<Comment> {
  return report.comments ?? [];
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

/**
 * The notes under one table of items: what each of its flags means, the first time the report
 * shows that flag (`earlier`: the items of the tables above), and between which groups each of its
 * perception gaps lies. Empty when its items carry no flag.
 */
export function flagNotes(items: readonly ItemResult[], earlier: readonly Pick<ItemResult, 'flags'>[]): string[] {
  const seen = new Set(earlier.flatMap((item) => item.flags));
  const notes: string[] = [];
  if (items.some((item) => item.flags.includes('low-agreement')) && !seen.has('low-agreement')) {
    notes.push(`Low agreement: ${FLAG_MEANING['low-agreement']}.`);
  }
  const gaps = items.filter((item) => item.flags.includes('perception-gap') && item.spread !== null).map(perceptionGapText);
  if (gaps.length > 0) {
    const meaning = seen.has('perception-gap') ? '' : ` ${FLAG_MEANING['perception-gap']}. Here:`;
    notes.push(`Perception gap:${meaning} ${gaps.join('; ')}.`);
  }
  return notes;
}

/** `Be nice, staff 4.50 over customer 2.50` */
function perceptionGapText(item: ItemResult): string {
  const { high, low } = item.spread!;
  return `${item.title}, ${high} ${fixed(item.groups[high]?.score ?? null)} over ${low} ${fixed(item.groups[low]?.score ?? null)}`;
}
