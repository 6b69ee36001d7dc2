/** "Improvement plan": the plan's steps under their 30/60/90-day horizon (or later), each with its effort and owner. */
import type { Report } from '../../scoring/report.js';
import type { Style } from '../shared/style.js';
import { emptyPlanText, planPhases, titlesById } from './labels.js';
import { oneLine } from '../shared/terminal-text.js';
import { hangingWrap } from '../shared/wrap.js';
import { pushAll } from '../../core/max-of.js';

/** `[medium]` is the widest tag; padding every tag to it lines the action texts up. */
const TAG_WIDTH = '[medium]'.length;
const INDENT = 2 + TAG_WIDTH + 1;

export function planBlock(report: Report, style: Style, width: number): string[] {
  const lines = [style.bold(style.underline('Improvement plan'))];
  if (report.plan.length === 0) {
    lines.push(emptyPlanText(report.items));
    return lines;
  }
  const title = titlesById(report.items);
  for (const { title: horizon, steps } of planPhases(report.plan)) {
    lines.push('', style.bold(horizon));
    for (const step of steps) {
      const tag = `[${step.effort}]`;
      // Bold, not a colour: cyan, yellow and red mean a status in this report.
      const first = `  ${style.bold(tag)}${' '.repeat(TAG_WIDTH - tag.length + 1)}`;
      const owner = step.owner === null ? '' : ` (owner: ${oneLine(step.owner)})`;
      pushAll(lines, hangingWrap(`${oneLine(title(step.item))}: ${oneLine(step.text)}${owner}`, first, INDENT, width));
    }
  }
  return lines;
}
