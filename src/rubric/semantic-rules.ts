/**
 * The rubric rules that a JSON Schema cannot say (docs/rules.md, "Rules beyond
 * the shape"), each with its own rule id. They run on a file whose shape may be
 * wrong in places (docs/rules.md: one typo never hides the other problems): a
 * value the schema found wrong is passed in as BROKEN (see withoutBroken), and
 * a rule that needs a value that is broken or of the wrong type does not run,
 * while every other rule does.
 */
import type { ErrorObject } from 'ajv';
import { finding, type Finding } from '../core/finding.js';
import { isMapping } from '../core/is-mapping.js';
import { isLevel, isUsableScale, MAX_LEVELS } from './scale.js';
import { locate, type PathSegment, type YamlSource } from '../core/source.js';
import { excerpt } from '../core/inert-text.js';

/** A value the schema found wrong; the rules treat it as unknown. */
const BROKEN: unique symbol = Symbol('broken');

/**
 * A copy of the data in which every value the schema reported (a wrong type, a value out of range,
 * an empty list) is BROKEN. Unknown keys and missing keys change nothing: the rules never read the
 * former and treat the latter as absent, with its default.
 */
export function withoutBroken(value: unknown, errors: readonly ErrorObject[]): unknown {
  const copy = structuredClone(value);
  for (const error of errors) {
    if (error.keyword === 'additionalProperties' || error.keyword === 'required' || error.instancePath === '') continue;
    const path = error.instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    let node: unknown = copy;
    for (const segment of path.slice(0, -1)) node = isContainer(node) ? (node as Record<string, unknown>)[segment] : undefined;
    const last = path[path.length - 1]!;
    if (isContainer(node) && Object.hasOwn(node, last)) (node as Record<string, unknown>)[last] = BROKEN;
  }
  return copy;
}

function isContainer(node: unknown): node is object {
  return typeof node === 'object' && node !== null;
}

type Rule = Parameters<typeof finding>[0];
type Report = (rule: Rule, message: string, path: PathSegment[], at?: 'key' | 'value') => void;

/** A number as the file gives it: the number, `undefined` when absent, `null` when broken or not a number. */
function numberAt(value: unknown): number | undefined | null {
  if (value === undefined) return undefined;
  return typeof value === 'number' ? value : null;
}

const listAt = (value: unknown): readonly unknown[] | undefined => (Array.isArray(value) ? value : undefined);
const mappingAt = (value: unknown): Record<string, unknown> | undefined => (isMapping(value) ? value : undefined);
const idAt = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The scale's bounds (defaults 1 and 5), or undefined when either is broken. */
function scaleOf(raw: Record<string, unknown>): { min: number; max: number } | undefined {
  if (raw.scale === undefined) return { min: 1, max: 5 };
  const scale = mappingAt(raw.scale);
  const min = numberAt(scale?.min);
  const max = numberAt(scale?.max);
  if (scale === undefined || min === null || max === null) return undefined;
  return { min: min ?? 1, max: max ?? 5 };
}

export function semanticFindings(value: unknown, source: YamlSource): Finding[] {
  const raw = mappingAt(value) ?? {};
  const findings: Finding[] = [];
  const report: Report = (rule, message, path, at = 'value') => findings.push(finding(rule, message, source.file, locate(source, path, at)));

  const scale = scaleOf(raw);
  if (scale !== undefined) {
    if (!Number.isInteger(scale.min) || !Number.isInteger(scale.max)) {
      const which = Number.isInteger(scale.min) ? 'max' : 'min';
      report('scale-integers', `The scale's \`${which}\` must be a whole number; found ${scale[which]}.`, ['scale', which]);
    } else if (scale.min >= scale.max) {
      report('scale-order', `The scale's \`min\` (${scale.min}) must be lower than its \`max\` (${scale.max}).`, ['scale']);
    } else if (scale.max - scale.min >= MAX_LEVELS) {
      report('scale-order', `The scale has ${scale.max - scale.min + 1} levels; at most ${MAX_LEVELS} are allowed.`, ['scale']);
    }
  }
  // Range checks against a broken or unknown scale would only repeat its finding.
  const usable = scale !== undefined && isUsableScale(scale) ? scale : undefined;
  const inScale = usable ? (v: number) => isLevel(v, usable) : () => true;
  const range = scale ? `${scale.min} to ${scale.max}` : '';

  const labels = mappingAt(mappingAt(raw.scale)?.labels);
  for (const key of Object.keys(labels ?? {})) {
    if (!inScale(Number(key))) report('label-out-of-scale', `A label is given for level ${excerpt(key)}, which is not on the scale (${range}).`, ['scale', 'labels', key], 'key');
  }
  const checkTarget = (target: number | undefined | null, path: PathSegment[], owner: string) => {
    if (target === undefined || target === null) return;
    if (!inScale(target)) report('target-out-of-scale', `The target of ${owner} (${target}) is not a level of the scale (${range}).`, path);
    else if (scale !== undefined && target === scale.min) report('target-at-minimum', `The target of ${owner} equals the scale's minimum (${scale.min}), so it can never show a gap.`, path);
  };
  const rubricTarget = numberAt(raw.target);
  checkTarget(rubricTarget, ['target'], 'the rubric');
  // null: unknown, because a value it depends on is broken.
  const defaultTarget = rubricTarget === undefined ? (scale ? scale.max - 1 : null) : rubricTarget;

  const sectionIds = new Map<string, number>();
  const itemIds = new Map<string, string>();
  (listAt(raw.sections) ?? []).forEach((sectionValue, s) => {
    const section = mappingAt(sectionValue);
    if (section === undefined) return;
    const sPath: PathSegment[] = ['sections', s];
    const sectionId = idAt(section.id);
    const name = sectionId === undefined ? `section #${s + 1}` : `section \`${excerpt(sectionId)}\``;
    if (sectionId !== undefined) {
      if (sectionIds.has(sectionId)) report('duplicate-id', `Section id \`${excerpt(sectionId)}\` is already used by section #${sectionIds.get(sectionId)! + 1}.`, [...sPath, 'id']);
      else sectionIds.set(sectionId, s);
    }
    const weight = numberAt(section.weight);
    if (typeof weight === 'number' && weight <= 0) {
      report('section-weight', `The weight of ${name} must be greater than 0; found ${weight}.`, [...sPath, 'weight']);
    }
    const items = listAt(section.items);
    if (items !== undefined && items.length > 0 && items.every((item) => isMapping(item) && numberAt(item.weight) === 0)) {
      report('section-without-weight', `Every item of ${name} has weight 0, so the section can never be scored.`, [...sPath, 'items']);
    }
    const ownTarget = numberAt(section.target);
    checkTarget(ownTarget, [...sPath, 'target'], name);
    const sectionTarget = ownTarget === undefined ? defaultTarget : ownTarget;

    (items ?? []).forEach((itemValue, i) => {
      const item = mappingAt(itemValue);
      if (item === undefined) return;
      const iPath: PathSegment[] = [...sPath, 'items', i];
      const itemId = idAt(item.id);
      const itemName = itemId === undefined ? `item #${i + 1} of ${name}` : `item \`${excerpt(itemId)}\``;
      if (itemId !== undefined) {
        const earlier = itemIds.get(itemId);
        if (earlier !== undefined) report('duplicate-id', `Item id \`${excerpt(itemId)}\` is already used in section \`${excerpt(earlier)}\`; item ids must be unique in the whole rubric.`, [...iPath, 'id']);
        else itemIds.set(itemId, sectionId ?? `#${s + 1}`);
      }
      const itemTarget = numberAt(item.target);
      checkTarget(itemTarget, [...iPath, 'target'], itemName);
      itemLevelFindings(item, iPath, itemName, inScale, range, report);
      const target = itemTarget === undefined ? sectionTarget : itemTarget;
      itemActionFindings(item, { path: iPath, name: itemName, target, min: scale?.min }, inScale, range, report);
    });
  });
  return findings;
}

function itemLevelFindings(item: Record<string, unknown>, path: PathSegment[], name: string, inScale: (v: number) => boolean, range: string, report: Report): void {
  if (item.levels !== undefined && !isMapping(item.levels)) return; // broken: its own finding says why
  const keys = Object.keys(item.levels ?? {});
  if (keys.length === 0) report('item-without-levels', `${capitalize(name)} has no level descriptors, so people will read its levels differently.`, [...path, 'id']);
  for (const key of keys) {
    if (!inScale(Number(key))) report('level-out-of-scale', `${capitalize(name)} describes level ${excerpt(key)}, which is not on the scale (${range}).`, [...path, 'levels', key], 'key');
  }
}

interface ItemPlace {
  readonly path: PathSegment[];
  readonly name: string;
  /** The item's target; null when a value it depends on is broken. */
  readonly target: number | null;
  /** The scale's minimum; undefined when the scale is broken. */
  readonly min: number | undefined;
}

function itemActionFindings(item: Record<string, unknown>, place: ItemPlace, inScale: (v: number) => boolean, range: string, report: Report): void {
  const { path, name, target, min } = place;
  const actions = item.actions === undefined ? [] : listAt(item.actions);
  if (actions === undefined) return; // broken: its own finding says why
  let unknown = false;
  const tos: Array<number | undefined> = [];
  actions.forEach((actionValue, a) => {
    const action = mappingAt(actionValue);
    const to = numberAt(action?.to);
    if (action === undefined || to === null) {
      unknown = true;
      return;
    }
    tos.push(to);
    if (to !== undefined && !inScale(to)) {
      report('action-out-of-scale', `Action #${a + 1} of ${name} lifts it to ${to}, which is not a level of the scale (${range}).`, [...path, 'actions', a, 'to']);
    }
  });
  if (target === null || min === undefined) return;
  // An action can apply only when some score below the target is below its `to`.
  const canApply = tos.some((to) => {
    const level = to ?? target;
    return level > min && level <= target;
  });
  if (!canApply && !unknown && target > min) {
    report('item-without-action', `${capitalize(name)} has no action that could lift it towards its target (${target}), so the plan would be empty for it.`, actions.length > 0 ? [...path, 'actions'] : [...path, 'id']);
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
