/**
 * The report's one style sheet, inlined in the page: no web font, no image,
 * nothing fetched (the page's CSP forbids it). A light page that prints on
 * white; text colours keep a 4.5:1 contrast on white.
 *
 * Colour means one thing per page and never stands alone (WCAG 1.4.1):
 * - a score report colours by status only: met blue, within 1 point amber,
 *   more than 1 point short dark red, each with its symbol and word. Blue,
 *   amber and dark red stay apart under deuteranopia, protanopia and
 *   tritanopia (tests/unit/html-colour-vision.test.ts simulates each); the
 *   groups chart names its groups instead of colouring them, and flags,
 *   headings and chrome are neutral greys;
 * - a comparison colours by verdict only: improved Okabe–Ito blue (outlined
 *   when the item is still below its target), slipped vermillion, no clear
 *   change grey, too few answers hollow, each with its shape and word.
 *
 * Every chart is drawn twice (chart-layout.ts): the wide drawing shows on a
 * desktop and on paper, the narrow one on a phone, so neither the page nor a
 * chart scrolls sideways. Printed, the summary fills page 1 and the detail
 * starts on page 2; a heading never ends a page.
 */
export const STYLES = `
:root {
  --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --soft: #f5f7fa; --accent: #3e4c59;
  --met: #0072b2; --near: #e69f00; --short: #a50026;
  --none: #9aa5b1;
  /* A comparison's verdicts: Okabe–Ito blue and vermillion, and greys. */
  --up: #0072b2; --up-bg: #e3f0f9; --up-ink: #00507d;
  --down: #d55e00; --down-bg: #fcebdf; --down-ink: #9a3f00;
  --flat: #6e6e6e; --before: #c8c8c8;
  --warn-bg: #f4f4f4; --warn-line: #3e4c59;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif;
  font-variant-numeric: tabular-nums;
}
main { max-width: 1040px; margin: 0 auto; padding: 32px 40px 48px; }
h1, h2, h3 { line-height: 1.25; color: var(--ink); }
h1 { font-size: 28px; margin: 4px 0 8px; }
h2 { font-size: 20px; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--line); }
h3 { font-size: 16px; margin: 24px 0 8px; }
p { margin: 0 0 10px; }
.eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; font-weight: 600; color: var(--accent); margin: 0; }
.meta { color: var(--muted); margin: 0; }
.cover { border-bottom: 4px solid var(--accent); padding-bottom: 16px; }
.note { color: var(--muted); font-size: 13px; }
.verdict { font-size: 18px; font-weight: 600; margin: 4px 0 8px; }
ol.start-here { margin: 0 0 6px; padding-left: 22px; }
ol.start-here li { margin: 4px 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(190px, 1fr)); gap: 14px; margin: 12px 0 8px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; background: var(--soft); }
.card .label { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 0; }
.card .value { font-size: 30px; font-weight: 700; margin: 2px 0; line-height: 1.2; }
.card .value small { font-size: 15px; font-weight: 400; color: var(--muted); }
.card .detail { font-size: 13px; color: var(--muted); margin: 0; }
.meter { height: 8px; border-radius: 4px; background: var(--line); overflow: hidden; margin: 6px 0 4px; }
.meter span { display: block; height: 100%; }
.fill-met { background: var(--met); } .fill-near { background: var(--near); } .fill-short { background: var(--short); } .fill-none { background: var(--none); }
.pill { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; white-space: nowrap; }
/* A status pill is the bar's own colour, solid, with text that keeps 4.5:1 on it: pale tints of three hues look alike to some readers. */
.pill-met { background: var(--met); color: #fff; }
.pill-near { background: var(--near); color: var(--ink); }
.pill-short { background: var(--short); color: #fff; }
.pill-none { background: var(--soft); color: var(--muted); }
/* A flag or a target note is words in an outline: no hue, since every hue here is a status or a verdict. */
.pill-flag { background: #fff; color: var(--ink); border: 1px solid var(--muted); }
.pill-improved { background: var(--up-bg); color: var(--up-ink); }
.pill-improved.pill-below { background: #fff; border: 1px solid var(--up); }
.pill-slipped { background: var(--down-bg); color: var(--down-ink); }
.fill-before { background: var(--before); }
.fill-improved { background: var(--up); } .fill-improved-below { background: #fff; border: 2px solid var(--up); }
.fill-slipped { background: var(--down); } .fill-muted { background: var(--flat); } .fill-few { background: #fff; border: 2px solid var(--none); }
.ch-up { color: var(--up-ink); font-weight: 600; } .ch-down { color: var(--down-ink); font-weight: 600; }
.warning { border-left: 4px solid var(--warn-line); background: var(--warn-bg); padding: 8px 12px; margin: 12px 0; }
.flat { color: var(--muted); }
figure { margin: 8px 0 16px; }
figcaption { font-size: 13px; color: var(--muted); margin-top: 6px; }
/* One drawing of each chart shows: the wide one, or on a phone's screen the narrow one (chart-layout.ts). */
.chart-narrow { display: none; }
svg.chart { display: block; width: 100%; height: auto; }
@media screen and (max-width: 720px) {
  .chart-wide { display: none; }
  .chart-narrow { display: block; max-width: 540px; }
}
svg.chart text { font-family: inherit; font-size: 12px; fill: var(--ink); }
svg.chart .axis { fill: var(--muted); font-size: 11px; }
svg.chart .grid { stroke: var(--line); stroke-width: 1; }
svg.chart .section-label { font-weight: 700; font-size: 13px; fill: var(--accent); }
svg.chart .value { font-size: 12px; }
svg.chart .group-name { font-size: 11px; fill: var(--muted); }
/* A group's score in the groups chart's column of figures: clear of the bars, so no halo. */
svg.chart .figure { font-size: 10px; }
svg.chart .small { font-size: 10px; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
svg.chart .bar-met { fill: var(--met); } svg.chart .bar-near { fill: var(--near); } svg.chart .bar-short { fill: var(--short); } svg.chart .bar-none { fill: var(--none); }
/* An interval: a dark line on a white casing, legible on every bar colour and on the page. */
svg.chart .ci { stroke: var(--ink); stroke-width: 1.5; fill: none; }
svg.chart .ci-casing { stroke: #fff; stroke-width: 3; fill: none; stroke-linecap: round; }
svg.chart .bar-before { fill: var(--before); }
svg.chart .target { stroke: var(--ink); stroke-width: 2.5; }
svg.chart .band { fill: #eef1f4; }
svg.chart .flag { font-size: 10px; fill: var(--ink); font-weight: 700; }
svg.chart .zero { stroke: var(--ink); stroke-width: 1.5; stroke-dasharray: 4 3; }
svg.chart .whisker { stroke-width: 2; }
svg.chart .ch-improved { fill: var(--up); stroke: var(--up); } svg.chart .ch-slipped { fill: var(--down); stroke: var(--down); }
svg.chart .ch-flat { fill: var(--flat); stroke: var(--flat); } svg.chart .ch-few { fill: var(--none); stroke: var(--none); }
svg.chart .mark.hollow { fill: #fff; stroke-width: 2; }
svg.chart .bar-muted { fill: var(--flat); } svg.chart .bar-few { fill: #fff; stroke: var(--none); stroke-width: 1.5; }
svg.chart .below-target { fill: #fff; stroke: var(--up); stroke-width: 2; }
svg.chart .ch-improved-text { fill: var(--up-ink); font-weight: 600; } svg.chart .ch-slipped-text { fill: var(--down-ink); font-weight: 600; }
svg.chart .ch-flat-text, svg.chart .ch-few-text { fill: var(--muted); }
.legend { list-style: none; padding: 0; margin: 6px 0 0; display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: 13px; color: var(--muted); }
.legend li { display: inline-flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; }
.swatch-target { width: 3px; height: 14px; background: var(--ink); border-radius: 0; }
.swatch-ci { width: 16px; height: 2px; background: var(--ink); border-radius: 0; }
/* Wide tables scroll in their own box on a narrow screen, never the page; on paper they are set smaller instead (see @media print). */
.table-wrap { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; margin: 8px 0 16px; font-size: 14px; }
th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; text-align: left; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); border-bottom: 2px solid var(--line); }
td.num, th.num { text-align: right; }
td.num { white-space: nowrap; }
th { overflow-wrap: break-word; }
tbody tr:nth-child(even) td { background: #fafbfc; }
/* Long unbroken titles wrap anywhere, but the title column never shrinks below a readable width. */
td.item { overflow-wrap: anywhere; min-width: 12em; }
ol.plan { padding-left: 0; list-style: none; margin: 0; }
ol.plan li { border-left: 3px solid var(--accent); padding: 6px 12px; margin: 0 0 8px; background: var(--soft); }
ol.plan .effort { font-size: 12px; color: var(--muted); white-space: nowrap; }
blockquote { margin: 0 0 10px; padding: 8px 14px; border-left: 3px solid var(--line); background: var(--soft); overflow-wrap: anywhere; }
blockquote p { margin: 0; }
blockquote footer { font-size: 13px; color: var(--muted); margin-top: 2px; }
.kind { font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: var(--accent); font-weight: 700; margin-right: 6px; }
.item-list { margin: 0 0 12px; padding-left: 20px; }
@media (max-width: 720px) {
  main { padding: 20px 16px 32px; }
  h1 { font-size: 24px; }
  h2 { margin-top: 32px; }
  .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 10px; }
  .card { padding: 10px 12px; }
  .card .value { font-size: 24px; }
  table { font-size: 13px; }
  th, td { padding: 5px 6px; }
  td.item { min-width: 9em; }
  .pill { white-space: normal; }
}
body > footer, main > footer { margin-top: 40px; padding-top: 10px; border-top: 1px solid var(--line); font-size: 12px; color: var(--muted); }
@page { size: A4; margin: 12mm 12mm; }
@media print {
  body { font-size: 10pt; line-height: 1.4; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 18pt; margin: 0 0 2px; }
  h2 { font-size: 12.5pt; margin: 12px 0 5px; padding-bottom: 2px; }
  .meta { font-size: 8.5pt; }
  ol.start-here { font-size: 9pt; }
  h3 { font-size: 11pt; margin: 12px 0 6px; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .cover { padding-bottom: 8px; }
  .verdict { font-size: 11pt; margin: 2px 0 3px; }
  ol.start-here li { margin: 2px 0; }
  figure { margin: 4px 0 0; }
  figcaption, .note, .legend { font-size: 7.5pt; }
  figcaption { margin-top: 2px; }
  .legend { margin-top: 2px; gap: 2px 14px; }
  /* The summary is page 1 of a board pack; the detail starts on a page of its own. */
  .summary > section:first-child h2 { margin-top: 10px; }
  /* After the summary rather than before the detail: Chromium then stretches the summary's card grid to the foot of the page. */
  .summary { break-after: page; page-break-after: always; }
  .detail > section:first-child > h2, .detail > section:first-child > .keep > h2 { margin-top: 0; }
  figure, table, .cards, .card, blockquote, ol.plan li, tr { break-inside: avoid; page-break-inside: avoid; }
  /* A heading, its introduction and its chart stay on one page (figure.ts). */
  .keep { break-inside: avoid; page-break-inside: avoid; }
  .keep > h2 + p { break-after: avoid; page-break-after: avoid; }
  /* A chart drawn in page-sized parts (chart-parts.ts) breaks between them, and starts under its heading. */
  .keep:has(.chart-part), figure:has(.chart-part) { break-inside: auto; page-break-inside: auto; }
  /* Paper is wide: the wide drawing, whatever the print preview's width. */
  .chart-wide { display: block !important; }
  .chart-narrow { display: none !important; }
  /* Four cards across an A4 page. */
  .cards { grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 8px; margin: 6px 0 4px; }
  .card { padding: 6px 10px; }
  .card .value { font-size: 16pt; }
  .card .value small { font-size: 9pt; }
  .card .label, .card .detail { font-size: 7.5pt; }
  thead { display: table-header-group; }
  tbody tr:nth-child(even) td { background: none; }
  .table-wrap { overflow: visible; }
  table { font-size: 9pt; }
  th, td { padding: 4px 5px; }
  th { font-size: 7.5pt; }
  .pill { font-size: 7.5pt; padding: 0 6px; }
  td.item { min-width: 9em; }
  body > footer, main > footer { margin-top: 16px; }
}
`;
