/**
 * The JSON Schema of mapping files (docs/file-formats.md, "Survey exports"): the single
 * source of their shape. scripts/build.mjs writes it to `schemas/mapping.schema.json` and compiles
 * it into a standalone validator with the rubric and answers schemas. Rules that need the rubric
 * or the export (item ids, levels on the scale, columns that exist) are in check-mapping.ts and
 * resolve-columns.ts.
 */
import { KEBAB } from '../../rubric/schema.js';
import { LAYOUT_NAMES } from './layouts.js';

const USER_KEYS = { '^x-': {} } as const;
const text = { type: 'string', pattern: '\\S' } as const;

/** A column: its header text, or one of `{header}`, `{column: F}` (its letter), `{id}` (the tool's id). */
const columnRef = {
  description: 'a column: its header text, or {header: ...}, {column: F} (its letter) or {id: ...} (the survey tool\'s id)',
  anyOf: [
    text,
    {
      type: 'object',
      properties: {
        header: { ...text, description: 'The header text (white space folded, case ignored).' },
        column: { type: 'string', pattern: '^[A-Za-z]{1,3}$', description: 'The column letter, as a spreadsheet shows it.' },
        id: { ...text, description: "The tool's id: Qualtrics' short name or ImportId, LimeSurvey's question code." },
      },
      minProperties: 1,
      maxProperties: 1,
      additionalProperties: false,
    },
  ],
} as const;

const cellValue = { type: ['string', 'number', 'boolean'] } as const;

export const mappingSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'svcaudit-mapping.schema.json',
  title: 'svcaudit mapping',
  description: "How a survey tool's export answers a rubric: which column holds which item, respondent field and date.",
  type: 'object',
  required: ['svcaudit', 'kind', 'rubric', 'columns'],
  properties: {
    svcaudit: { const: 1 },
    kind: { const: 'mapping' },
    rubric: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*(@[^@\\s]+)?$', description: 'The rubric id, optionally with @version.' },
    layout: { enum: LAYOUT_NAMES, description: 'The export layout; detected from the first rows when absent.' },
    sheet: { ...text, description: 'The sheet of an .xlsx to read (default: the first).' },
    columns: {
      type: 'object',
      description: 'Item id → the column that answers it.',
      propertyNames: { pattern: KEBAB },
      additionalProperties: { $ref: '#/definitions/column' },
    },
    respondent: {
      type: 'object',
      description: 'Respondent field (id, name, role, ...) → its column.',
      additionalProperties: { $ref: '#/definitions/column' },
    },
    date: { $ref: '#/definitions/column' },
    'date-format': { enum: ['DMY', 'MDY', 'YMD'], description: 'The order of day, month and year in the date column, when the values leave it open.' },
    evidence: {
      type: 'array',
      maxItems: 1000,
      items: {
        type: 'object',
        required: ['column', 'item'],
        properties: {
          column: { $ref: '#/definitions/column' },
          item: { type: 'string', pattern: KEBAB, description: 'The item the text is evidence for, or `general` for general comments.' },
        },
        patternProperties: USER_KEYS,
        additionalProperties: false,
      },
    },
    labels: {
      type: 'object',
      description: 'Answer text → the level it stands for.',
      additionalProperties: { type: 'number' },
    },
    na: { type: 'array', maxItems: 1000, items: cellValue, description: 'Answers that mean "not applicable", added to na, n/a, not applicable and don\'t know.' },
    values: {
      type: 'object',
      description: 'Respondent field → {value as exported: value to use}.',
      additionalProperties: { type: 'object', additionalProperties: { type: 'string' } },
    },
    include: {
      description: 'keep only the rows that pass: {column, equals} or {column, in: [...]}, or a list of them (all must pass)',
      anyOf: [{ $ref: '#/definitions/condition' }, { type: 'array', minItems: 1, maxItems: 100, items: { $ref: '#/definitions/condition' } }],
    },
  },
  patternProperties: USER_KEYS,
  additionalProperties: false,
  definitions: {
    column: columnRef,
    condition: {
      type: 'object',
      required: ['column'],
      properties: {
        column: { $ref: '#/definitions/column' },
        equals: cellValue,
        in: { type: 'array', minItems: 1, maxItems: 1000, items: cellValue },
      },
      additionalProperties: false,
    },
  },
} as const;
