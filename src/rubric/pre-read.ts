/**
 * The built-in rubrics as the build read and checked them (`dist/rubrics/<id>.json`, written by
 * scripts/pre-read-rubrics.ts): a run that scores against a built-in rubric whose file still holds,
 * byte for byte, the text the build checked takes the model the build made of it, instead of
 * reading the YAML, checking it against the schema and the rules and building the model again on
 * every run (some 5 ms of a 40 ms `score` of one file, docs/architecture.md). A rubric with any
 * finding is not pre-read, so a run of one never skips a warning; an edited file, or sources run
 * as they are (tests), are read and checked as any rubric is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rubric } from './model.js';
import { packageRoot } from './package-root.js';

declare const __SVCAUDIT_BUNDLED__: boolean | undefined;

/** How a Map is written (the scale's labels, each item's levels); JSON has no Map of its own. */
const MAP = '\u0000map';

interface PreRead {
  /** The rubric file's text, as checked. */
  readonly text: string;
  /** The model, its Maps as `{ [MAP]: entries }`. */
  readonly rubric: unknown;
}

/** The pre-read file's text for a rubric file's `text` and the model checking it gave. */
export function preReadText(text: string, rubric: Rubric): string {
  return JSON.stringify({ text, rubric } satisfies PreRead, (_key, value: unknown) => (value instanceof Map ? { [MAP]: [...value] } : value));
}

/** Reads a pre-read file's text back to its rubric text and model. */
export function readPreRead(json: string): { readonly text: string; readonly rubric: Rubric } {
  const pre = JSON.parse(json) as PreRead;
  return { text: pre.text, rubric: withMaps(pre.rubric) as Rubric };
}

/** The value with each `{ [MAP]: entries }` in it made a Map again (a walk: half the time of JSON.parse's reviver). */
function withMaps(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = withMaps(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  if (Object.hasOwn(record, MAP)) return new Map(record[MAP] as [unknown, unknown][]);
  for (const key of Object.keys(record)) record[key] = withMaps(record[key]);
  return record;
}

/** The built-in rubric `id` as the build checked it, when its file's `bytes` are the ones checked. */
export function preReadRubric(id: string, bytes: Uint8Array, source: string): Rubric | undefined {
  if (typeof __SVCAUDIT_BUNDLED__ !== 'boolean') return undefined;
  let json: string;
  try {
    json = readFileSync(join(packageRoot(), 'dist', 'rubrics', `${id}.json`), 'utf8');
  } catch {
    return undefined;
  }
  const pre = readPreRead(json);
  if (!Buffer.from(pre.text, 'utf8').equals(bytes)) return undefined;
  return { ...pre.rubric, source };
}
