/** A validated raw rubric → the model the rest of svcaudit uses, with the defaults of docs/file-formats.md applied. */
import type { Action, Item, Rubric, Section } from './model.js';
import type { RawItem, RawRubric } from './raw-types.js';
import { scaleBounds } from './scale.js';

export function normalizeRubric(raw: RawRubric, source: string): Rubric {
  const { min, max } = scaleBounds(raw);
  const rubricTarget = raw.target ?? max - 1;
  const sections: Section[] = raw.sections.map((section) => {
    const target = section.target ?? rubricTarget;
    return {
      id: section.id,
      title: section.title,
      weight: section.weight ?? 1,
      target,
      items: section.items.map((item) => normalizeItem(item, section.id, target)),
    };
  });
  return {
    id: raw.id,
    title: raw.title ?? raw.id,
    version: raw.version === undefined ? undefined : String(raw.version),
    description: raw.description,
    scale: { min, max, labels: levelMap(raw.scale?.labels) },
    target: rubricTarget,
    sections,
    source,
  };
}

function normalizeItem(item: RawItem, section: string, sectionTarget: number): Item {
  const target = item.target ?? sectionTarget;
  const actions: Action[] = (item.actions ?? []).map((action) => ({
    to: action.to ?? target,
    text: action.text,
    effort: action.effort ?? 'medium',
    owner: action.owner,
  }));
  return {
    id: item.id,
    section,
    title: item.title,
    prompt: item.prompt,
    why: item.why,
    audience: item.audience,
    weight: item.weight ?? 1,
    target,
    levels: levelMap(item.levels),
    lookFor: item['look-for'] ?? [],
    actions,
  };
}

/** `{ "1": "…", "5": "…" }` → Map in ascending level order. */
function levelMap(record: Record<string, string> | undefined): Map<number, string> {
  const entries = Object.entries(record ?? {}).map(([level, text]) => [Number(level), text] as const);
  return new Map(entries.sort((a, b) => a[0] - b[0]));
}
