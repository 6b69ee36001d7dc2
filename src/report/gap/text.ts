/**
 * `--format text`: the report a manager reads in a terminal (docs/formulas.md,
 * "Report outputs"): Start here, the overall result with a bar, a table per section, the
 * top gaps, the 30/60/90-day plan and the respondents' notes, coloured by
 * status through the injected Style.
 */
import type { Style } from '../shared/style.js';
import { headerBlock, overallBlock } from './text-header.js';
import { commentsBlock, notesBlock } from './text-notes.js';
import { planBlock } from './text-plan.js';
import { sectionBlocks } from './text-sections.js';
import { topGapsBlock } from './text-top-gaps.js';
import type { GapFormatter } from './types.js';
import { textDocument } from '../shared/terminal-text.js';
import { startHere } from './start-here.js';
import { startHereBlock } from './text-start-here.js';

/** Below this the tables cannot hold a readable title column; the report is laid out for 80 at least. */
const MIN_WIDTH = 60;

export const text: GapFormatter = (report, options) => {
  const width = Math.max(MIN_WIDTH, options.width);
  const style: Style = options.style;
  const start = startHere(report);
  const blocks: string[][] = [
    headerBlock(report, style, options.date, width),
    startHereBlock(start, style, width, true),
    overallBlock(report, style, width),
    ...sectionBlocks(report, style, width),
    topGapsBlock(report, style, width),
    planBlock(report, style, width),
    notesBlock(report, style, width),
    commentsBlock(report, style, width),
    // In a terminal the report scrolls past: Start here again last, so it is on screen when the report ends.
    options.terminal === true ? startHereBlock(start, style, width, false) : [],
  ];
  return textDocument(blocks);
};
