/** The compare report's HTML pieces: header, summary cards, tables and item lists. */
import type { Change, Comparison, ItemChange, ItemStatus } from '../../compare/comparison.js';
import { bySection } from '../shared/by-section.js';
import { countParts, direction, fromTo, ITEM_LISTS, itemsIn, sideText, signed, signedIndex, STATUS_WORDS } from '../compare/words.js';
import { fixed, indexPoints } from '../shared/numbers.js';
import { cards } from './cards.js';
import { rubricRef } from './document.js';
import { html, type Markup } from './html.js';
import { htmlTable, type TableColumn } from './table.js';

export function compareHeader(c: Comparison, date: string | undefined): Markup {
  const about = [`rubric ${rubricRef(c.rubric)}`, ...(date === undefined ? [] : [date])];
  return html`<header class="cover"><p class="eyebrow">Service quality audit: progress</p><h1>${c.rubric.title}</h1>
<p class="meta">Before: ${sideText(c.inputs.before)} · After: ${sideText(c.inputs.after)}</p><p class="meta">${about.join(' · ')}</p></header>`;
}

export function compareCards(c: Comparison): Markup {
  const { before, after, delta } = c.overall;
  const was = (shown: string, goodness: number | null, moved: string): Markup => html`was ${shown} · ${change(goodness, moved)}`;
  const others = countParts(c).slice(1); // the first, improved, is the card's own figure
  return cards([
    { label: 'Overall score', value: fixed(after.score), unit: `of ${c.scale.max}`, detail: was(fixed(before.score), delta.score, signed(delta.score)) },
    {
      label: 'Index',
      value: indexPoints(after.index),
      unit: after.index === null ? undefined : '/ 100',
      detail: was(indexPoints(before.index), delta.index, `${signedIndex(delta.index)} points`),
    },
    // A smaller gap is progress, so its change is coloured as the opposite of its sign.
    { label: 'Gap to target', value: fixed(after.gap), unit: 'points', detail: was(fixed(before.gap), delta.gap === null ? null : -delta.gap, signed(delta.gap)) },
    { label: 'Items improved', value: String(c.improved.length), unit: `of ${c.items.length}`, detail: others.join(' · ') },
  ]);
}

function change(goodness: number | null, shown: string): Markup {
  const way = direction(goodness);
  return html`<span class="${way === 'none' ? 'flat' : way}">${shown}</span>`;
}

const CHANGE_COLUMNS: readonly TableColumn[] = [
  { head: 'Before', numeric: true },
  { head: 'After', numeric: true },
  { head: 'Change', numeric: true },
  { head: 'Gap', numeric: true },
];

function changeCells(r: Change): (string | Markup)[] {
  return [fixed(r.before.score), fixed(r.after.score), change(r.delta.score, signed(r.delta.score)), fromTo(r.before.gap, r.after.gap)];
}

export function compareSectionsTable(c: Comparison): Markup {
  return htmlTable(
    [{ head: 'Section', className: 'item' }, ...CHANGE_COLUMNS, { head: 'Index change', numeric: true }],
    c.sections.map((s) => [s.title, ...changeCells(s), change(s.delta.index, signedIndex(s.delta.index))]),
  );
}

const STATUS_PILL: Readonly<Record<ItemStatus, string>> = {
  'reached-target': 'pill-met',
  improved: 'pill-met',
  slipped: 'pill-short',
  unchanged: 'pill-none',
  'not-compared': 'pill-none',
};

export function compareItemTables(c: Comparison): Markup {
  return html`${bySection(c.sections, c.items).map(({ section, items }) => html`<h3>${section.title}</h3>
${htmlTable(
  [{ head: 'Item', className: 'item' }, ...CHANGE_COLUMNS, { head: 'Status' }],
  items.map((item: ItemChange) => [item.title, ...changeCells(item), html`<span class="pill ${STATUS_PILL[item.status]}">${STATUS_WORDS[item.status]}</span>`]),
)}
`)}`;
}

export function compareLists(c: Comparison): Markup {
  return html`${ITEM_LISTS.map(({ key, title }) => {
    const items = itemsIn(c, key);
    if (items.length === 0) return '';
    return html`<h3>${title} (${items.length})</h3><ul class="item-list">${items.map(
      (item) => html`<li><strong>${item.title}</strong>: ${fromTo(item.before.score, item.after.score)} (${signed(item.delta.score)})</li>`,
    )}</ul>
`;
  })}`;
}
