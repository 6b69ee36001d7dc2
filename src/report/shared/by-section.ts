/** Rows of a chart or table grouped under their sections, in rubric order; a section with no rows is left out. */
interface SectionGroup<S, I> {
  readonly section: S;
  readonly items: readonly I[];
}

export function bySection<S extends { readonly id: string }, I extends { readonly section: string }>(
  sections: readonly S[],
  items: readonly I[],
): SectionGroup<S, I>[] {
  return sections.map((section) => ({ section, items: items.filter((item) => item.section === section.id) })).filter((g) => g.items.length > 0);
}
