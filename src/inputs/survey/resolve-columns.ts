/**
 * A mapping's column references → the export's columns (docs/file-formats.md, "Mapping file": by header text, white space
 * folded and case ignored; by letter; or by the tool's id). A reference that finds no column, or
 * two, is a finding at the mapping line that names it, with the closest header.
 */
import { finding, type Finding } from '../../core/finding.js';
import { closest } from '../../core/suggest.js';
import type { ExportColumn } from './columns.js';
import { fold, letterIndex, shown } from './fold.js';
import type { ColumnRef } from './mapping.js';

export class ColumnIndex {
  private readonly byHeader = new Map<string, ExportColumn[]>();
  private readonly byId = new Map<string, ExportColumn[]>();

  constructor(readonly columns: readonly ExportColumn[]) {
    for (const column of columns) {
      push(this.byHeader, fold(column.header), column);
      for (const id of new Set(column.ids.map((i) => i.trim().toLowerCase()))) push(this.byId, id, column);
    }
  }

  /** The columns a reference names (none, one, or several when headers repeat). */
  find(ref: ColumnRef): readonly ExportColumn[] {
    if (ref.by === 'letter') {
      const index = letterIndex(ref.value);
      const column = index === undefined ? undefined : this.columns[index];
      return column ? [column] : [];
    }
    if (ref.by === 'id') return this.byId.get(ref.value.toLowerCase()) ?? [];
    return this.byHeader.get(fold(ref.value)) ?? [];
  }

  /** The one column `ref` names, or a finding in `mappingFile` saying why not. */
  resolve(ref: ColumnRef, mappingFile: string, exportFile: string): { column: ExportColumn } | { finding: Finding } {
    const found = this.find(ref);
    if (found.length === 1) return { column: found[0]! };
    const named = ref.by === 'letter' ? `column ${ref.value}` : ref.by === 'id' ? `id \`${shown(ref.value)}\`` : `\`${shown(ref.value)}\``;
    if (found.length > 1) {
      const letters = found.map((c) => c.letter).join(' and ');
      return { finding: finding('mapping-column-not-found', `${named} names ${found.length} columns of ${exportFile} (${letters}); name one by its letter, such as \`{column: ${found[0]!.letter}}\`.`, mappingFile, ref.span) };
    }
    if (ref.by === 'letter') {
      return { finding: finding('mapping-column-not-found', `${exportFile} has no ${named}: its last column is ${this.columns.at(-1)?.letter ?? 'none'}.`, mappingFile, ref.span) };
    }
    const candidates = ref.by === 'id' ? this.columns.flatMap((c) => c.ids) : this.columns.map((c) => c.header);
    const near = nearest(ref.value, candidates);
    const hint = near !== undefined ? ` The closest ${ref.by === 'id' ? 'id' : 'header'}: \`${shown(near, 80)}\`.` : '';
    return { finding: finding('mapping-column-not-found', `${exportFile} has no column ${ref.by === 'id' ? 'with ' : 'headed '}${named}.${hint}`, mappingFile, ref.span) };
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A typo's correction, else for long question text the header sharing the most words. */
function nearest(value: string, candidates: readonly string[]): string | undefined {
  const typo = closest(fold(value), candidates.map(fold).slice(0, 5000));
  if (typo !== undefined) return candidates.find((c) => fold(c) === typo);
  const words = new Set(fold(value).split(/\W+/).filter((w) => w.length > 2));
  let best: string | undefined;
  let bestShared = 1;
  for (const candidate of candidates.slice(0, 5000)) {
    const shared = fold(candidate).split(/\W+/).filter((w) => words.has(w)).length;
    if (shared > bestShared) {
      best = candidate;
      bestShared = shared;
    }
  }
  return best;
}
