/** The scoring core's public surface: pure functions, no I/O. */
export { addAnswerSet, addExcluded, addRow, createTally, groupValue, groupValueOf, NO_GROUP, rowOfSet } from './tally.js';
export type { Tally, TallyOptions } from './tally.js';
export { buildReport, DEFAULT_PERCEPTION_GAP } from './score.js';
export type { BuildReportOptions } from './score.js';
export { rankGaps } from './rank.js';
export { buildPlan } from './plan.js';
export { DEFAULT_CAPACITY, EFFORT_POINTS, MIN_CAPACITY, schedulePlan } from './plan-schedule.js';
export type { PlanActionInput, PlanItemInput, PlanScheduleOptions } from './plan-schedule.js';
export { levelStats } from './stats.js';
export type { LevelStats } from './stats.js';
export { effectiveWeights } from './weights.js';
export type { EffectiveWeights } from './weights.js';
export { scaleIndex } from './scale.js';
export { splitSource } from './source-key.js';
export type * from './report.js';
