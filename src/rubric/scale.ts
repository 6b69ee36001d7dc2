import type { RawRubric } from './raw-types.js';

const DEFAULT_SCALE = { min: 1, max: 5 } as const;
/** More levels than any rating scale needs; keeps per-level loops and tables small. */
export const MAX_LEVELS = 101;

/** The scale's bounds with the defaults of docs/file-formats.md (1 and 5). */
export function scaleBounds(raw: Pick<RawRubric, 'scale'>): { min: number; max: number } {
  return { min: raw.scale?.min ?? DEFAULT_SCALE.min, max: raw.scale?.max ?? DEFAULT_SCALE.max };
}

/** Whether a value is a whole level of the scale (any value may be asked about, so data from a file can be tested as it is). */
export function isLevel(value: unknown, scale: { min: number; max: number }): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= scale.min && value <= scale.max;
}

/** A usable scale: whole-number bounds, min below max, at most MAX_LEVELS levels. */
export function isUsableScale(scale: { min: number; max: number }): boolean {
  return Number.isInteger(scale.min) && Number.isInteger(scale.max) && scale.min < scale.max && scale.max - scale.min < MAX_LEVELS;
}
