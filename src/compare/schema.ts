/**
 * The JSON Schema of `compare --format json` (docs/json-report.md), the single source of its
 * shape: the build writes it to `schemas/comparison.schema.json` for other tools, the JSON
 * formatter's output type is derived from it (json-schema-to-ts's FromSchema, in report/compare/json.ts),
 * and a test validates real output against it.
 */
const count = { type: 'integer', minimum: 0 } as const;
const figure = { type: ['number', 'null'] } as const;
const interval = {
  description: 'The 95% interval [lo, hi] of the change, unclipped; null when not tested.',
  anyOf: [{ type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 }, { type: 'null' }],
} as const;
const verdict = { enum: ['improved', 'slipped', 'no clear change', 'too few answers'] } as const;

export const comparisonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'svcaudit-comparison.schema.json',
  title: 'svcaudit comparison',
  description: 'Two audits of one rubric compared item by item, section by section and overall (svcaudit compare --format json).',
  type: 'object',
  required: ['svcaudit', 'kind', 'rubric', 'scale', 'design', 'pairs', 'inputs', 'overall', 'sections', 'items', 'groups', 'warnings'],
  properties: {
    svcaudit: { const: 2, description: 'Format version.' },
    kind: { const: 'comparison' },
    rubric: {
      type: 'object',
      required: ['id', 'title', 'version'],
      properties: { id: { type: 'string' }, title: { type: 'string' }, version: { type: ['string', 'null'] } },
      additionalProperties: false,
    },
    scale: {
      type: 'object',
      required: ['min', 'max'],
      properties: { min: { type: 'number' }, max: { type: 'number' } },
      additionalProperties: false,
    },
    design: { enum: ['paired', 'independent'], description: 'paired: the same respondents answered both audits, matched by id or name.' },
    pairs: { ...count, description: 'Respondents matched across the two audits.' },
    inputs: {
      type: 'object',
      required: ['before', 'after'],
      properties: { before: { $ref: '#/definitions/side' }, after: { $ref: '#/definitions/side' } },
      additionalProperties: false,
    },
    overall: { $ref: '#/definitions/change' },
    sections: { type: 'array', items: { $ref: '#/definitions/section' } },
    items: { type: 'array', items: { $ref: '#/definitions/item' } },
    groups: { type: 'array', items: { $ref: '#/definitions/group' } },
    warnings: { type: 'array', items: { $ref: '#/definitions/warning' } },
  },
  additionalProperties: false,
  definitions: {
    side: {
      type: 'object',
      required: ['input', 'respondents', 'rubricVersion'],
      properties: { input: { type: 'string' }, respondents: count, rubricVersion: { type: ['string', 'null'] } },
      additionalProperties: false,
    },
    figures: {
      type: 'object',
      required: ['score', 'index', 'gap', 'n'],
      properties: { score: figure, index: figure, gap: figure, n: count },
      additionalProperties: false,
    },
    change: {
      type: 'object',
      required: ['before', 'after', 'change', 'ci', 'verdict'],
      properties: {
        before: { $ref: '#/definitions/figures' },
        after: { $ref: '#/definitions/figures' },
        change: figure,
        ci: interval,
        verdict,
      },
      additionalProperties: false,
    },
    section: {
      type: 'object',
      required: ['id', 'title', 'before', 'after', 'change', 'ci', 'verdict'],
      properties: {
        id: { type: 'string' },
        title: { type: 'string' },
        before: { $ref: '#/definitions/figures' },
        after: { $ref: '#/definitions/figures' },
        change: figure,
        ci: interval,
        verdict,
      },
      additionalProperties: false,
    },
    item: {
      type: 'object',
      required: ['id', 'section', 'title', 'target', 'before', 'after', 'change', 'ci', 'p', 'adjustedP', 'verdict', 'reachedTarget', 'fellBelowTarget'],
      properties: {
        id: { type: 'string' },
        section: { type: 'string' },
        title: { type: 'string' },
        target: { type: 'number' },
        before: { $ref: '#/definitions/figures' },
        after: { $ref: '#/definitions/figures' },
        change: figure,
        ci: interval,
        p: { type: ['number', 'null'], minimum: 0, maximum: 1 },
        adjustedP: { type: ['number', 'null'], minimum: 0, maximum: 1 },
        verdict,
        reachedTarget: { type: 'boolean' },
        fellBelowTarget: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    group: {
      type: 'object',
      required: ['value', 'before', 'after', 'overall', 'items'],
      properties: {
        value: { type: 'string' },
        before: { $ref: '#/definitions/groupSize' },
        after: { $ref: '#/definitions/groupSize' },
        overall: { anyOf: [{ $ref: '#/definitions/change' }, { type: 'null' }] },
        items: { type: 'array', items: { $ref: '#/definitions/item' } },
      },
      additionalProperties: false,
    },
    groupSize: {
      type: 'object',
      required: ['n'],
      properties: { n: count },
      additionalProperties: false,
    },
    warning: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { enum: ['rubric-version', 'respondent-mix', 'repeated-key', 'no-intervals', 'no-groups'] },
        message: { type: 'string' },
      },
      additionalProperties: false,
    },
  },
} as const;
