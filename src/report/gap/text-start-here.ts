/** "Start here" in the text report: the verdict, then the first three actions with effort and owner. */
import type { Style } from '../shared/style.js';
import { oneLine } from '../shared/terminal-text.js';
import { hangingWrap } from '../shared/wrap.js';
import { pushAll } from '../../core/max-of.js';
import { EFFORT_EXPLAINED, type StartHere } from './start-here.js';

export function startHereBlock(start: StartHere, style: Style, width: number, explainEffort: boolean): string[] {
  const lines = [style.bold(style.underline('Start here')), oneLine(start.verdict)];
  start.actions.forEach((step, i) => {
    const owner = step.owner === null ? '' : `, owner: ${oneLine(step.owner)}`;
    pushAll(lines, hangingWrap(`${oneLine(step.itemTitle)}: ${oneLine(step.text)} (effort: ${step.effort}${owner})`, `  ${i + 1}. `, 5, width));
  });
  if (explainEffort && start.actions.length > 0) lines.push(style.dim(EFFORT_EXPLAINED));
  return lines;
}
