/** "Improvement plan": the plan's steps under their 30/60/90-day horizon, each with its effort. */
import type { Report } from '../../scoring/report.js';
import type { Style } from '../style.js';
import { PHASES, titlesById } from './labels.js';
import { oneLine } from './terminal-text.js';
import { hangingWrap } from './wrap.js';

/** `[medium]` is the widest tag; padding every tag to it lines the action texts up. */
const TAG_WIDTH = '[medium]'.length;
const INDENT = 2 + TAG_WIDTH + 1;

export function planBlock(report: Report, style: Style, width: number): string[] {
  const lines = [style.bold(style.underline('Improvement plan'))];
  if (report.plan.length === 0) {
    // Gaps with no action that applies are the rubric's to fix, not the reader's: say which case this is.
    lines.push(report.items.some((item) => (item.gap ?? 0) > 0) ? 'The rubric has no actions for the current gaps.' : 'Nothing to do: every scored item meets its target.');
    return lines;
  }
  const title = titlesById(report.items);
  for (const { phase, title: horizon } of PHASES) {
    const steps = report.plan.filter((step) => step.phase === phase);
    if (steps.length === 0) continue;
    lines.push('', style.bold(horizon));
    for (const step of steps) {
      const tag = `[${step.effort}]`;
      const first = `  ${style.cyan(tag)}${' '.repeat(TAG_WIDTH - tag.length + 1)}`;
      lines.push(...hangingWrap(`${oneLine(title(step.item))}: ${oneLine(step.text)}`, first, INDENT, width));
    }
  }
  return lines;
}
