/** The compare report's HTML pieces: header, warnings, the verdict and summary cards, tables, groups and item lists. */
import type { Change, Comparison, GroupChange, ItemChange, Verdict } from '../../compare/comparison.js';
import { bySection } from '../shared/by-section.js';
import {
  changeText,
  designText,
  fromTo,
  groupNotCompared,
  intervalText,
  ITEM_LISTS,
  markNotes,
  organisationOf,
  scoreCell,
  sideText,
  signed,
  stillBelowTarget,
  targetNote,
  testedCount,
  VERDICT_WORDS,
  verdictCounts,
  verdictMark,
} from '../compare/words.js';
import { fixed, indexPoints } from '../shared/numbers.js';
import { cards } from './cards.js';
import { rubricRef } from './document.js';
import { html, type Markup } from './html.js';
import { htmlTable, type TableColumn } from './table.js';
import type { CompareFormatOptions } from '../compare/types.js';

export function compareHeader(c: Comparison, options: Pick<CompareFormatOptions, 'date' | 'organisation' | 'baseline' | 'followUp'>): Markup {
  const organisation = organisationOf(options);
  const eyebrow = organisation === null ? 'Service quality audit: progress' : `${organisation} · service quality audit: progress`;
  const about = [`rubric ${rubricRef(c.rubric)}`, ...(options.date === undefined ? [] : [`report ${options.date}`])];
  return html`<header class="cover"><p class="eyebrow">${eyebrow}</p><h1>${c.rubric.title}</h1>
<p class="meta">Before: ${sideText(c.inputs.before, options.baseline)} · After: ${sideText(c.inputs.after, options.followUp)}</p><p class="meta">${designText(c)}</p><p class="meta">${about.join(' · ')}</p></header>`;
}

export function compareWarnings(c: Comparison): Markup {
  return html`${c.warnings.map((w) => html`<p class="warning" role="note"><strong>Warning:</strong> ${w.message}</p>`)}`;
}

/** The summary's verdict in one line, then the cards: what a board member reads first. */
export function compareCards(c: Comparison): Markup {
  const o = c.overall;
  const count = (v: Verdict): number => c.items.filter((item) => item.verdict === v).length;
  const below = c.items.filter(stillBelowTarget).length;
  const short = stillBelowTarget(o) ? `, still ${fixed(o.after.gap)} below target` : '';
  return html`<p class="verdict">Overall ${fromTo(o.before.score, o.after.score)}, change ${changeText(o, c.scale)}: ${VERDICT_WORDS[o.verdict]}${short}.</p>
<p>Items: ${verdictCounts(c.items)}${below === 0 ? '' : ` · ${below} improved but still below target`}.</p>
${cards([
    {
      label: 'Overall score',
      value: fixed(o.after.score),
      unit: `of ${c.scale.max}`,
      detail: html`was ${fixed(o.before.score)} · ${changeSpan(o)} ${intervalText(o.ci, c.scale)} · ${pill(o.verdict, '', stillBelowTarget(o))}`,
    },
    {
      label: 'Index',
      value: indexPoints(o.after.index),
      unit: o.after.index === null ? undefined : '/ 100',
      detail: html`was ${indexPoints(o.before.index)}`,
    },
    { label: 'Items improved', value: String(count('improved')), unit: `of ${c.items.length}`, detail: `${below} still below target · ${count('slipped')} slipped` },
    { label: 'No clear change', value: String(count('no clear change')), unit: `of ${c.items.length}`, detail: `${count('too few answers')} with too few answers to judge` },
  ])}`;
}

/** A change coloured by its verdict, not its sign: a rise that may be noise is not shown as progress. */
function changeSpan(c: Pick<Change, 'change' | 'verdict'>): Markup {
  const cls = c.verdict === 'improved' ? 'ch-up' : c.verdict === 'slipped' ? 'ch-down' : 'flat';
  return html`<span class="${cls}">${signed(c.change)}</span>`;
}

const VERDICT_PILL: Readonly<Record<Verdict, string>> = {
  improved: 'pill-improved',
  slipped: 'pill-slipped',
  'no clear change': 'pill-none',
  'too few answers': 'pill-none',
};

/** An improvement still below target is outlined rather than filled, as in the charts. */
function pill(verdict: Verdict, mark = '', belowTarget = false): Markup {
  return html`<span class="pill ${VERDICT_PILL[verdict]}${belowTarget ? ' pill-below' : ''}">${VERDICT_WORDS[verdict]}${mark}</span>`;
}

const CHANGE_COLUMNS: readonly TableColumn[] = [
  { head: 'Before', numeric: true },
  { head: 'After', numeric: true },
  { head: 'Change', numeric: true },
  { head: '95% interval', numeric: true },
  { head: 'Verdict' },
];

function changeCells(r: Change, c: Comparison): (string | Markup)[] {
  return [changeSpan(r), intervalText(r.ci, c.scale), html`${pill(r.verdict, '', stillBelowTarget(r))}${stillBelowTarget(r) ? html` <span class="pill pill-flag">still below target</span>` : ''}`];
}

export function compareSectionsTable(c: Comparison): Markup {
  return htmlTable(
    [{ head: 'Section', className: 'item' }, ...CHANGE_COLUMNS],
    [
      ['Overall', fixed(c.overall.before.score), fixed(c.overall.after.score), ...changeCells(c.overall, c)],
      ...c.sections.map((s) => [s.title, fixed(s.before.score), fixed(s.after.score), ...changeCells(s, c)]),
    ],
  );
}

function itemsTable(items: readonly ItemChange[], c: Comparison): Markup {
  const side = (score: number | null, n: number, unscored: ItemChange['unscored']['before']): string => (score === null ? scoreCell(score, unscored) : `${fixed(score)} (n ${n})`);
  return htmlTable(
    [{ head: 'Item', className: 'item' }, ...CHANGE_COLUMNS],
    items.map((item) => {
      const note = targetNote(item);
      return [
        item.title,
        side(item.before.score, item.before.n, item.unscored.before),
        side(item.after.score, item.after.n, item.unscored.after),
        changeSpan(item),
        intervalText(item.ci, c.scale),
        html`${pill(item.verdict, verdictMark(item), stillBelowTarget(item))}${note === undefined ? '' : html` <span class="pill pill-flag">${note}</span>`}`,
      ];
    }),
  );
}

function notes(items: readonly ItemChange[]): Markup {
  return html`${markNotes(items).map((note) => html`<p class="note">${note}</p>`)}`;
}

export function compareItemTables(c: Comparison): Markup {
  return html`${bySection(c.sections, c.items).map(({ section, items }) => html`<h3>${section.title}</h3>
${itemsTable(items, c)}
`)}${notes(c.items)}`;
}

export function compareGroups(c: Comparison): Markup | string {
  if (c.details.by === null) return '';
  const title = html`<h2>Groups (by ${c.details.by})</h2>`;
  if (c.groups.length === 0) return html`<section>${title}<p>No group is compared (see the warning above).</p></section>`;
  const table = htmlTable(
    [{ head: 'Group', className: 'item' }, { head: 'Respondents', numeric: true }, ...CHANGE_COLUMNS],
    c.groups.map((g) => [
      g.value,
      `${g.before.n} → ${g.after.n}`,
      ...(g.overall === null ? ['', '', '', '', groupNotCompared(c.details.minGroup)] : [fixed(g.overall.before.score), fixed(g.overall.after.score), ...changeCells(g.overall, c)]),
    ]),
  );
  const shown = c.groups.filter((g): g is GroupChange & { overall: Change } => g.overall !== null);
  return html`<section>${title}<p class="note">Each group's items are judged among themselves: ${shown.map((g) => `${g.value}, ${testedCount(g.items)} tested`).join('; ')}.</p>${table}
${shown.map((g) => html`<h3>${g.value}</h3>${itemsTable(g.items, c)}${notes(g.items)}
`)}</section>`;
}

export function compareLists(c: Comparison): Markup {
  return html`${ITEM_LISTS.map(({ title, keep }) => {
    const items = c.items.filter(keep);
    if (items.length === 0) return '';
    return html`<h3>${title} (${items.length})</h3><ul class="item-list">${items.map(
      (item) => html`<li><strong>${item.title}</strong>: ${fromTo(item.before.score, item.after.score)} (${signed(item.change)} ${intervalText(item.ci, c.scale)})</li>`,
    )}</ul>
`;
  })}`;
}
