/**
 * The rubric as the rest of svcaudit sees it: every default of docs/file-formats.md
 * applied, levels keyed by number. Built from a validated file by `normalize.ts`.
 */
export type Effort = 'low' | 'medium' | 'high';

export interface Scale {
  readonly min: number;
  readonly max: number;
  /** Level → label, for the levels that have one. */
  readonly labels: ReadonlyMap<number, string>;
}

export interface Action {
  /** The level this action lifts the item to (default: the item's target). */
  readonly to: number;
  readonly text: string;
  readonly effort: Effort;
  /** Who does it (a role such as "team leaders"); undefined when the rubric names nobody. */
  readonly owner: string | undefined;
}

export interface Item {
  readonly id: string;
  /** Id of the section the item belongs to. */
  readonly section: string;
  readonly title: string;
  readonly prompt: string;
  readonly why: string | undefined;
  /**
   * The respondent roles who can judge the item, as written; undefined when
   * anyone can. Compare with `inAudience`.
   */
  readonly audience: readonly string[] | undefined;
  /** Relative weight within the section, >= 0. */
  readonly weight: number;
  readonly target: number;
  /** Level → behavioural descriptor, in ascending level order. */
  readonly levels: ReadonlyMap<number, string>;
  readonly lookFor: readonly string[];
  readonly actions: readonly Action[];
}

export interface Section {
  readonly id: string;
  readonly title: string;
  /** Relative weight among sections, > 0. */
  readonly weight: number;
  readonly target: number;
  readonly items: readonly Item[];
}

export interface Rubric {
  readonly id: string;
  readonly title: string;
  readonly version: string | undefined;
  readonly description: string | undefined;
  readonly scale: Scale;
  readonly target: number;
  readonly sections: readonly Section[];
  /** Where it was loaded from: a path, or `builtin:<id>`. */
  readonly source: string;
}

/** All items in rubric order. */
export function rubricItems(rubric: Rubric): Item[] {
  return rubric.sections.flatMap((s) => s.items);
}

/** A role as roles are compared: surrounding space trimmed, case ignored (`Staff ` is `staff`). */
function roleKey(role: string): string {
  return role.trim().toLowerCase();
}

/** Whether a respondent of `role` is one the item asks; an item with no audience asks everyone. */
export function inAudience(item: Pick<Item, 'audience'>, role: string): boolean {
  return item.audience === undefined || item.audience.some((r) => roleKey(r) === roleKey(role));
}

/**
 * The rubric as a respondent of `role` is asked it (`assess --role`, `template --for`): only the
 * items whose audience includes the role or that have none; sections left empty are dropped.
 * `leftOut` counts the items that are for other roles.
 */
export function rubricForRole(rubric: Rubric, role: string): { rubric: Rubric; leftOut: number } {
  let leftOut = 0;
  const sections = rubric.sections
    .map((section) => {
      const items = section.items.filter((item) => inAudience(item, role));
      leftOut += section.items.length - items.length;
      return { ...section, items };
    })
    .filter((section) => section.items.length > 0);
  return { rubric: { ...rubric, sections }, leftOut };
}
