/**
 * `--format html`: the report a consultant sends to a client. One
 * self-contained file: inline CSS and SVG charts, no script, nothing fetched,
 * printable to PDF. All user text is escaped by the `html` template
 * (report/html/html.ts); the pieces live in report/html/, one concern each.
 *
 * The page opens with a summary that prints as page 1 of a board pack (the
 * verdict and Start here, the overall figures, every item against its
 * target); the detail follows from page 2. Every section starts with its
 * heading, so none opens on a bare table at the top of a printed page.
 */
import { itemsVsTargetChart } from '../html/chart-items-vs-target.js';
import { gapsChart } from '../html/chart-gaps.js';
import { htmlDocumentParts, reportFooter } from '../html/document.js';
import { commentPieces, evidencePieces, planList, sourcesTable } from '../html/gap-lists.js';
import { gapCards, gapHeader } from '../html/gap-summary.js';
import { itemTables, sectionsTable } from '../html/gap-tables.js';
import { chartFigure, keepTogether } from '../html/figure.js';
import { groupsSection } from '../html/groups-section.js';
import { html, type Markup } from '../html/html.js';
import { legend, STATUS_LEGEND } from '../html/legend.js';
import { noGapsText } from './labels.js';
import { startHereSection } from '../html/start-here.js';
import type { GapPieces } from './types.js';
import type { Report } from '../../scoring/report.js';

/** The page, a section at a time: each made when the one before has been written. */
export const htmlPieces: GapPieces = function* (report, options) {
  const [head, tail] = htmlDocumentParts(report.rubric.title);
  yield head;
  for (const part of bodyParts(report, options.date)) yield String(part);
  yield tail;
};

function* bodyParts(report: Report, date: string | undefined): Generator<Markup | string> {
  yield* gapHeader(report, date);
  yield html`
<div class="summary">
${startHereSection(report)}
<section class="overall"><h2>Overall</h2>${gapCards(report)}</section>
<section>${keepTogether(
    html`<h2>Every item against its target</h2>`,
    chartFigure((layout) => itemsVsTargetChart(report, layout), html`Bars show the mean score of the respondents who scored the item, the thin line across each its 95% interval (how sure the score is), and the dark tick its target; the symbol before each score is its status.${legend(STATUS_LEGEND)}`),
  )}</section>
</div>
<div class="detail">
<section>${keepTogether(html`<h2>Gaps in priority order</h2>`, gapsSection(report))}</section>
`;
  yield groupsSection(report);
  yield html`
<section><h2>Sections</h2>${sectionsTable(report)}</section>
<section><h2>Items</h2>${itemTables(report)}</section>
<section><h2>Improvement plan</h2>${planList(report)}</section>
`;
  yield* optionalPieces('Notes and evidence', evidencePieces(report));
  yield '\n';
  yield* optionalPieces('General comments', commentPieces(report));
  yield '\n';
  yield optional('Sources', sourcesTable(report));
  yield '\n</div>\n';
  yield reportFooter(report.rubric, date);
}

function gapsSection(report: Report): Markup {
  const chart = gapsChart(report);
  if (chart === null) return html`<p>${noGapsText(report)}</p>`;
  return chartFigure(chart, "Priority is how much closing the gap would lift the overall score (the item's weight times its gap); the priorities add up to the overall gap.");
}

function optional(heading: string, content: Markup | null): Markup | string {
  return content === null ? '' : html`<section><h2>${heading}</h2>${content}</section>`;
}

/** `optional` for a long section (the quotes), its content written a piece at a time. */
function* optionalPieces(heading: string, content: Iterable<Markup> | null): Generator<Markup | string> {
  if (content === null) return;
  yield html`<section><h2>${heading}</h2>`;
  yield* content;
  yield '</section>';
}
