/**
 * How the human formats show how sure a number is (docs/statistics.md): a 95% interval clipped
 * to the scale, or "too few answers to judge"; an agreement reading in words.
 */
import type { Agreement, Interval, Report } from '../../scoring/report.js';
import { excerpt } from '../../core/inert-text.js';
import { fixed, round } from './numbers.js';

const TOO_FEW = 'too few answers to judge';
/** The short form, for table cells. */
const TOO_FEW_SHORT = 'too few';

type Scale = Report['scale'];

/** `2.81–3.47`, clipped to the scale (JSON keeps the unclipped interval). */
export function intervalText(ci: Interval | null, scale: Scale, short = false): string {
  if (ci === null) return short ? TOO_FEW_SHORT : TOO_FEW;
  const clip = (x: number) => Math.min(scale.max, Math.max(scale.min, x));
  return `${fixed(clip(ci[0]))}–${fixed(clip(ci[1]))}`;
}

/** Krippendorff's alpha and what it says (docs/statistics.md, "Agreement"). */
export function agreementText(agreement: Agreement): string {
  const { alpha, n } = agreement;
  if (alpha === null) return n < 2 ? 'Agreement over the audit: needs two or more respondents.' : 'Agreement over the audit: not measurable (no variation in the answers).';
  const reading = alpha >= 0.8 ? 'consistent' : alpha >= 0.667 ? 'tentative' : 'inconsistent';
  const meaning =
    reading === 'consistent' ? 'respondents agree on which items are stronger and which weaker'
    : reading === 'tentative' ? 'respondents partly agree on which items are stronger and which weaker'
    : 'respondents disagree on which items are stronger and which weaker, or the items barely differ';
  return `Agreement over the audit: Krippendorff's alpha ${fixed(alpha)} (${n} respondents), ${reading}: ${meaning}.`;
}

/** A group's headline, `customer 2.41 (n 5)` or `manager: fewer than 3 respondents`; a report of many groups writes them one at a time. */
export function groupHeadline(group: Report['groups'][number], minGroup: number): string {
  return group.shown && group.overall !== null
    ? `${group.value} ${fixed(group.overall.score)}${group.overall.index === null ? '' : ` (index ${round(group.overall.index, 0)})`}, n ${group.n}`
    : `${group.value}: fewer than ${minGroup} respondents (n ${group.n})`;
}

/**
 * `fieldwork 2026-10-05 to 2026-10-09`, or nothing when no answer has a date. A date is a CSV
 * cell as written, so it is quoted as a short inert excerpt (core/inert-text.ts), as any value is.
 */
export function fieldworkText(fieldwork: Report['fieldwork']): string | undefined {
  if (fieldwork === null) return undefined;
  const [from, to] = [excerpt(fieldwork.from), excerpt(fieldwork.to)];
  return from === to ? `fieldwork ${from}` : `fieldwork ${from} to ${to}`;
}
