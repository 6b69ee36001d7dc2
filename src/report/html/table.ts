/** Plain HTML tables: a header row, numeric columns right-aligned, cells escaped unless built as markup. */
import { html, type Interpolation, type Markup } from './html.js';

export interface TableColumn {
  readonly head: string;
  readonly numeric?: boolean;
  /** A cell class, e.g. `item` for titles that may hold long unbroken words. */
  readonly className?: string;
}

export function htmlTable(columns: readonly TableColumn[], rows: readonly (readonly Interpolation[])[], caption?: string): Markup {
  const cls = (c: TableColumn): string | undefined => [c.numeric ? 'num' : '', c.className ?? ''].filter((s) => s !== '').join(' ') || undefined;
  const attr = (c: TableColumn): Markup => {
    const name = cls(c);
    return name === undefined ? html`` : html` class="${name}"`;
  };
  // The wrapper scrolls a table too wide for a phone sideways instead of widening the page.
  return html`<div class="table-wrap"><table>${caption === undefined ? '' : html`<caption class="note">${caption}</caption>`}
<thead><tr>${columns.map((c) => html`<th scope="col"${attr(c)}>${c.head}</th>`)}</tr></thead>
<tbody>
${rows.map((row) => html`<tr>${columns.map((c, i) => html`<td${attr(c)}>${row[i] ?? ''}</td>`)}</tr>
`)}</tbody></table></div>`;
}
