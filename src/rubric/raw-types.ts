/**
 * The shapes of rubric and answers files as parsed, derived from the JSON
 * Schemas so the compiler keeps code and schema in step.
 */
import type { FromSchema } from 'json-schema-to-ts';
import type { answersSchema, configSchema, rubricSchema } from './schema.js';

export type RawRubric = FromSchema<typeof rubricSchema>;
type RawSection = RawRubric['sections'][number];
export type RawItem = RawSection['items'][number];
export type RawAnswers = FromSchema<typeof answersSchema>;
export type RawAnswerValue = RawAnswers['answers'][string];
export type RawConfig = FromSchema<typeof configSchema>;
