/**
 * A tagged template for building markup where escaping is the default:
 * every interpolated string is escaped, and only fragments that were
 * themselves built with `html` (or a constant marked `trusted`) pass through
 * as markup. Forgetting to escape a title then cannot happen by omission,
 * which is the point: the report goes to clients, its text comes from files
 * anyone can write.
 */
import { escapeHtml } from './escape-html.js';

export class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type Interpolation = Markup | string | number | null | undefined | false | readonly Interpolation[];

export function html(strings: TemplateStringsArray, ...values: readonly Interpolation[]): Markup {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Markup(out);
}

/** Markup written by svcaudit itself (the style sheet); never user text. */
export function trusted(text: string): Markup {
  return new Markup(text);
}

function render(value: Interpolation): string {
  if (value instanceof Markup) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}
