/**
 * GFM tables (https://github.github.com/gfm/#tables-extension-). Cells are
 * escaped by the caller (`escapeMarkdown`), which leaves no raw `|` or line
 * break, so every row has exactly one more unescaped pipe than it has cells.
 */
export interface MarkdownColumn {
  readonly head: string;
  readonly align: 'left' | 'right';
}

export function markdownTable(columns: readonly MarkdownColumn[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [
    line(columns.map((c) => c.head)),
    line(columns.map((c) => (c.align === 'right' ? '---:' : '---'))),
    ...rows.map((row) => line(columns.map((_, i) => row[i] ?? ''))),
  ].join('\n');
}
