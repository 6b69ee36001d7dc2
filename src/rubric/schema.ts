/**
 * The JSON Schemas of svcaudit's file kinds (rubric, answers, configuration): the single source of
 * truth for their shape. The build writes them to `schemas/*.schema.json` (shipped, so
 * an editor's YAML language server can complete files) and compiles them to
 * standalone ajv validators; the raw file types are derived from them with
 * json-schema-to-ts, so the types cannot drift from the schemas.
 *
 * Semantic rules that need more than one value (ids unique, levels inside
 * the scale, ...) are in `semantic-rules.ts`, where each gets a named finding.
 */
/** kebab-case ids (`be-nice`), as the schemas require them. */
export const KEBAB = '^[a-z0-9]+(-[a-z0-9]+)*$';
const LEVEL_KEY = '^-?[0-9]+$';
/** Keys of users' own tooling, kept and never checked. */
const USER_KEYS = { '^x-': {} } as const;

/** Non-blank text (a pattern rather than minLength keeps ajv's runtime helpers out of the generated code). */
const text = { type: 'string', pattern: '\\S' } as const;
const weight = { type: 'number', minimum: 0, maximum: 1e6 } as const;
/** A level or target; integrality and range against the scale are semantic rules. */
const level = { type: 'number', minimum: -1e6, maximum: 1e6 } as const;

export const rubricSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'svcaudit-rubric.schema.json',
  title: 'svcaudit rubric',
  description: 'A customer-service audit rubric: sections of items, each with level descriptors and improvement actions.',
  type: 'object',
  required: ['svcaudit', 'kind', 'id', 'sections'],
  properties: {
    svcaudit: { const: 1, description: 'Format version.' },
    kind: { const: 'rubric' },
    id: { type: 'string', pattern: KEBAB, description: 'kebab-case id, used by answers files.' },
    title: text,
    version: { type: ['string', 'number'], description: 'Version of the content, such as 1.0.0.' },
    description: { type: 'string' },
    scale: {
      type: 'object',
      properties: {
        min: { ...level, description: 'Lowest level (default 1).' },
        max: { ...level, description: 'Highest level (default 5).' },
        labels: {
          type: 'object',
          patternProperties: { [LEVEL_KEY]: text },
          additionalProperties: false,
        },
      },
      patternProperties: USER_KEYS,
      additionalProperties: false,
    },
    target: { ...level, description: 'Default target (default: the scale maximum minus 1).' },
    sections: { type: 'array', minItems: 1, maxItems: 1000, items: { $ref: '#/definitions/section' } },
  },
  patternProperties: USER_KEYS,
  additionalProperties: false,
  definitions: {
    section: {
      type: 'object',
      required: ['id', 'title', 'items'],
      properties: {
        id: { type: 'string', pattern: KEBAB },
        title: text,
        description: { type: 'string' },
        weight: { ...weight, description: 'Relative weight among sections, > 0 (default 1).' },
        target: level,
        items: { type: 'array', minItems: 1, maxItems: 1000, items: { $ref: '#/definitions/item' } },
      },
      patternProperties: USER_KEYS,
      additionalProperties: false,
    },
    item: {
      type: 'object',
      required: ['id', 'title', 'prompt'],
      properties: {
        id: { type: 'string', pattern: KEBAB },
        title: text,
        prompt: text,
        why: { type: 'string' },
        audience: {
          type: 'array',
          description: 'The respondent roles who can judge this item (compared with `respondent.role`, case ignored); default anyone.',
          items: text,
          minItems: 1,
          maxItems: 100,
        },
        weight: { ...weight, description: 'Relative weight within the section, >= 0 (default 1).' },
        target: level,
        levels: {
          type: 'object',
          description: 'Behavioural descriptors keyed by scale level.',
          patternProperties: { [LEVEL_KEY]: text },
          additionalProperties: false,
        },
        'look-for': { type: 'array', items: text, maxItems: 1000 },
        actions: { type: 'array', items: { $ref: '#/definitions/action' }, maxItems: 1000 },
      },
      patternProperties: USER_KEYS,
      additionalProperties: false,
    },
    action: {
      type: 'object',
      required: ['text'],
      properties: {
        to: { ...level, description: 'The level this action lifts the item to (default: the item target).' },
        text,
        effort: { enum: ['low', 'medium', 'high'] },
        owner: { ...text, description: 'Who does it, such as a role: team leaders, head of operations.' },
      },
      patternProperties: USER_KEYS,
      additionalProperties: false,
    },
  },
} as const;

const scoreValue = {
  description: 'a level of the scale, `na`, or empty',
  anyOf: [{ type: 'number' }, { const: 'na' }, { type: 'null' }],
} as const;

export const answersSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'svcaudit-answers.schema.json',
  title: 'svcaudit answers',
  description: "One respondent's answers to a rubric.",
  type: 'object',
  required: ['svcaudit', 'kind', 'rubric', 'answers'],
  properties: {
    svcaudit: { const: 1 },
    kind: { const: 'answers' },
    rubric: {
      type: 'string',
      pattern: '^[a-z0-9]+(-[a-z0-9]+)*(@[^@\\s]+)?$',
      description: 'The rubric id, optionally with @version.',
    },
    respondent: {
      type: 'object',
      description: 'Who answered: any keys; `--by KEY` groups on one of them.',
      additionalProperties: { type: ['string', 'number', 'boolean', 'null'] },
    },
    date: { type: 'string' },
    answers: {
      type: 'object',
      propertyNames: { pattern: KEBAB },
      additionalProperties: {
        description: 'a level of the scale, `na`, empty, or a mapping with score, note and evidence',
        anyOf: [
          ...scoreValue.anyOf,
          {
            type: 'object',
            required: ['score'],
            properties: {
              score: scoreValue,
              note: { type: 'string' },
              evidence: { type: 'array', items: { type: 'string' }, maxItems: 1000 },
            },
            patternProperties: USER_KEYS,
            additionalProperties: false,
          },
        ],
      },
    },
    comments: {
      type: 'array',
      description: 'General remarks not tied to one item, quoted under "General comments" in the report.',
      items: { type: 'string' },
      maxItems: 1000,
    },
  },
  patternProperties: USER_KEYS,
  additionalProperties: false,
} as const;

/**
 * The formats of each command's `--format`, as the configuration file may name them. The
 * registries (formats.ts in report/gap, report/findings and report/compare) are the source; the schema cannot import them (the import flow
 * of docs/architecture.md), so a test holds these lists to them.
 */
export const CONFIG_FORMATS = {
  score: ['text', 'json', 'markdown', 'csv', 'html'],
  validate: ['stylish', 'json', 'junit', 'sarif', 'github'],
  compare: ['text', 'json', 'markdown', 'html'],
} as const;

const groupKey = { ...text, description: 'A respondent field to group by, such as role (`--by`).' } as const;
const minGroup = { type: 'integer', minimum: 1, maximum: 1e6, description: 'Groups smaller than this are not shown on their own (`--min-group`).' } as const;
const validateFormat = { enum: CONFIG_FORMATS.validate } as const;

/** docs/configuration.md: defaults for the commands; paths are relative to the file, and flags win. */
export const configSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'svcaudit-config.schema.json',
  title: 'svcaudit configuration',
  description: 'svcaudit.config.yaml, .svcauditrc.yaml, or the `svcaudit` key of package.json: defaults for the commands. Paths are relative to this file; flags win.',
  type: 'object',
  properties: {
    svcaudit: { const: 1, description: 'Format version (optional).' },
    organisation: { ...text, description: 'The organisation audited, shown in report headers.' },
    rubric: { ...text, description: 'A rubric file (relative to this file) or the id of a built-in rubric (`--rubric`).' },
    map: { ...text, description: 'A mapping file for survey exports, relative to this file (`--map`).' },
    ignore: {
      type: 'array',
      maxItems: 1000,
      description: 'Glob patterns left out of folder and glob expansion, relative to this file (`**/drafts/`, `archive/**`).',
      items: text,
    },
    score: {
      // Empty (null) when every key under it is commented out, as in the file `svcaudit init` writes.
      type: ['object', 'null'],
      description: 'Defaults for `svcaudit score`.',
      properties: {
        format: { enum: CONFIG_FORMATS.score, description: 'Report format (`--format`).' },
        by: groupKey,
        'min-group': minGroup,
        attribution: { enum: ['role', 'name', 'none'], description: 'How quotes are attributed (`--attribution`).' },
        capacity: { type: 'integer', minimum: 3, maximum: 1e6, description: 'Effort points per 30-day phase of the plan (`--capacity`).' },
        'fail-under': { type: 'number', minimum: 0, maximum: 100, description: 'Exit 1 when the overall index is below this (`--fail-under`).' },
        'perception-gap': { type: 'number', minimum: 0, maximum: 1e6, description: 'Flag items whose group scores differ by this much (`--perception-gap`).' },
      },
      patternProperties: USER_KEYS,
      additionalProperties: false,
    },
    validate: {
      // Empty (null) when every key under it is commented out, as in the file `svcaudit init` writes.
      type: ['object', 'null'],
      description: 'Defaults for `svcaudit validate`.',
      properties: {
        format: {
          description: 'Output format, or several (`--format`, repeated).',
          anyOf: [validateFormat, { type: 'array', minItems: 1, maxItems: 10, items: validateFormat }],
        },
        'max-warnings': { type: 'integer', minimum: 0, maximum: 1e9, description: 'Exit 1 when there are more warnings than this (`--max-warnings`).' },
      },
      patternProperties: USER_KEYS,
      additionalProperties: false,
    },
    compare: {
      // Empty (null) when every key under it is commented out, as in the file `svcaudit init` writes.
      type: ['object', 'null'],
      description: 'Defaults for `svcaudit compare`.',
      properties: {
        format: { enum: CONFIG_FORMATS.compare, description: 'Report format (`--format`).' },
        by: groupKey,
        'min-group': minGroup,
      },
      patternProperties: USER_KEYS,
      additionalProperties: false,
    },
  },
  patternProperties: USER_KEYS,
  additionalProperties: false,
} as const;
