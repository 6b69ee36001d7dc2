/**
 * The rubric rules that a JSON Schema cannot say (docs/rules.md, "Rules beyond
 * the shape"), each with its own rule id. Runs on a file that passed the
 * schema, so the shape is known.
 */
import { finding, type Finding } from '../core/finding.js';
import type { RawItem, RawRubric } from './raw-types.js';
import { isLevel, isUsableScale, MAX_LEVELS, scaleBounds } from './scale.js';
import { locate, type PathSegment, type YamlSource } from '../core/source.js';
import { excerpt } from '../core/inert-text.js';

export function semanticFindings(raw: RawRubric, source: YamlSource): Finding[] {
  const findings: Finding[] = [];
  const report = (rule: Parameters<typeof finding>[0], message: string, path: PathSegment[], at: 'key' | 'value' = 'value') =>
    findings.push(finding(rule, message, source.file, locate(source, path, at)));

  const scale = scaleBounds(raw);
  if (!Number.isInteger(scale.min) || !Number.isInteger(scale.max)) {
    const which = Number.isInteger(scale.min) ? 'max' : 'min';
    report('scale-integers', `The scale's \`${which}\` must be a whole number; found ${scale[which]}.`, ['scale', which]);
  } else if (scale.min >= scale.max) {
    report('scale-order', `The scale's \`min\` (${scale.min}) must be lower than its \`max\` (${scale.max}).`, ['scale']);
  } else if (scale.max - scale.min >= MAX_LEVELS) {
    report('scale-order', `The scale has ${scale.max - scale.min + 1} levels; at most ${MAX_LEVELS} are allowed.`, ['scale']);
  }
  // Range checks against a broken scale would only repeat its finding.
  const inScale = isUsableScale(scale) ? (v: number) => isLevel(v, scale) : () => true;
  const range = `${scale.min} to ${scale.max}`;

  for (const key of Object.keys(raw.scale?.labels ?? {})) {
    if (!inScale(Number(key))) report('label-out-of-scale', `A label is given for level ${key}, which is not on the scale (${range}).`, ['scale', 'labels', key], 'key');
  }
  const checkTarget = (target: number | undefined, path: PathSegment[], owner: string) => {
    if (target === undefined) return;
    if (!inScale(target)) report('target-out-of-scale', `The target of ${owner} (${target}) is not a level of the scale (${range}).`, path);
    else if (target === scale.min) report('target-at-minimum', `The target of ${owner} equals the scale's minimum (${scale.min}), so it can never show a gap.`, path);
  };
  checkTarget(raw.target, ['target'], 'the rubric');

  const sectionIds = new Map<string, number>();
  const itemIds = new Map<string, string>();
  raw.sections.forEach((section, s) => {
    const sPath: PathSegment[] = ['sections', s];
    const name = `section \`${excerpt(section.id)}\``;
    if (sectionIds.has(section.id)) {
      report('duplicate-id', `Section id \`${excerpt(section.id)}\` is already used by section #${sectionIds.get(section.id)! + 1}.`, [...sPath, 'id']);
    } else sectionIds.set(section.id, s);
    if (section.weight !== undefined && section.weight <= 0) {
      report('section-weight', `The weight of ${name} must be greater than 0; found ${section.weight}.`, [...sPath, 'weight']);
    }
    if (section.items.every((item) => (item.weight ?? 1) === 0)) {
      report('section-without-weight', `Every item of ${name} has weight 0, so the section can never be scored.`, [...sPath, 'items']);
    }
    checkTarget(section.target, [...sPath, 'target'], name);
    const sectionTarget = section.target ?? raw.target ?? scale.max - 1;

    section.items.forEach((item, i) => {
      const iPath: PathSegment[] = [...sPath, 'items', i];
      const itemName = `item \`${excerpt(item.id)}\``;
      const earlier = itemIds.get(item.id);
      if (earlier !== undefined) report('duplicate-id', `Item id \`${excerpt(item.id)}\` is already used in section \`${excerpt(earlier)}\`; item ids must be unique in the whole rubric.`, [...iPath, 'id']);
      else itemIds.set(item.id, section.id);
      checkTarget(item.target, [...iPath, 'target'], itemName);
      itemLevelFindings(item, iPath, itemName, inScale, range, report);
      const target = item.target ?? sectionTarget;
      itemActionFindings(item, iPath, itemName, target, scale.min, inScale, range, report);
    });
  });
  return findings;
}

type Report = (rule: Parameters<typeof finding>[0], message: string, path: PathSegment[], at?: 'key' | 'value') => void;

function itemLevelFindings(item: RawItem, path: PathSegment[], name: string, inScale: (v: number) => boolean, range: string, report: Report): void {
  const keys = Object.keys(item.levels ?? {});
  if (keys.length === 0) report('item-without-levels', `${capitalize(name)} has no level descriptors, so people will read its levels differently.`, [...path, 'id']);
  for (const key of keys) {
    if (!inScale(Number(key))) report('level-out-of-scale', `${capitalize(name)} describes level ${key}, which is not on the scale (${range}).`, [...path, 'levels', key], 'key');
  }
}

function itemActionFindings(
  item: RawItem, path: PathSegment[], name: string, target: number, min: number,
  inScale: (v: number) => boolean, range: string, report: Report,
): void {
  const actions = item.actions ?? [];
  actions.forEach((action, a) => {
    if (action.to !== undefined && !inScale(action.to)) {
      report('action-out-of-scale', `Action #${a + 1} of ${name} lifts it to ${action.to}, which is not a level of the scale (${range}).`, [...path, 'actions', a, 'to']);
    }
  });
  // An action can apply only when some score below the target is below its `to`.
  const canApply = actions.some((action) => {
    const to = action.to ?? target;
    return to > min && to <= target;
  });
  if (!canApply && target > min) {
    report('item-without-action', `${capitalize(name)} has no action that could lift it towards its target (${target}), so the plan would be empty for it.`, actions.length > 0 ? [...path, 'actions'] : [...path, 'id']);
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
