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
import type { GapFormatter, GapPieces } from './types.js';
import { textDocumentPieces } from '../shared/terminal-text.js';
import { startHere } from './start-here.js';
import { startHereBlock } from './text-start-here.js';

/** Below this the tables cannot hold a readable title column; the report is laid out for 80 at least. */
const MIN_WIDTH = 60;

/** The blocks in order, each made only when the one before has been written. */
export const textPieces: GapPieces = (report, options) => {
  const width = Math.max(MIN_WIDTH, options.width);
  const style: Style = options.style;
  const start = startHere(report);
  return textDocumentPieces(function* () {
    yield headerBlock(report, style, options.date, width);
    yield startHereBlock(start, style, width, true);
    yield overallBlock(report, style, width);
    yield* sectionBlocks(report, style, width);
    yield topGapsBlock(report, style, width);
    yield planBlock(report, style, width);
    yield notesBlock(report, style, width);
    yield commentsBlock(report, style, width);
    // In a terminal the report scrolls past: Start here again last, so it is on screen when the report ends.
    yield options.terminal === true ? startHereBlock(start, style, width, false) : [];
  }());
};

export const text: GapFormatter = (report, options) => [...textPieces(report, options)].join('');
