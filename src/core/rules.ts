/**
 * Every finding svcaudit can report, with its default severity and the help
 * text that `validate --format sarif` lists under `tool.driver.rules`.
 * The keys form the closed union `RuleId`: a finding cannot carry a rule that
 * is not documented here.
 */
export interface RuleInfo {
  readonly severity: 'error' | 'warning';
  /** One line: what the rule checks. */
  readonly summary: string;
  /** How to fix it, for people reading a CI log or a code-scanning alert. */
  readonly help: string;
}

export const RULES = {
  // Reading the file
  'file-empty': {
    severity: 'error',
    summary: 'The file is empty.',
    help: 'Start the file with `svcaudit: 1` and `kind: rubric` or `kind: answers`; `svcaudit template` prints a complete answers file.',
  },
  'file-binary': {
    severity: 'error',
    summary: 'The file is not text.',
    help: 'Rubric and answers files are UTF-8 YAML text. Check that the right file was given.',
  },
  'yaml-syntax': {
    severity: 'error',
    summary: 'The file is not valid YAML.',
    help: 'Fix the YAML at the position shown: indentation uses spaces (not tabs), every `key: value` needs the space after the colon, and quotes must be closed.',
  },
  'yaml-duplicate-key': {
    severity: 'error',
    summary: 'A key appears twice in the same mapping.',
    help: 'YAML keeps only one of two equal keys, so one of the values would be silently lost. Remove or rename one of them.',
  },
  'yaml-too-complex': {
    severity: 'error',
    summary: 'The file uses too many aliases or is nested too deeply.',
    help: 'Rubric and answers files never need more than a handful of aliases or a few levels of nesting. Write the values out in full.',
  },
  'unknown-kind': {
    severity: 'error',
    summary: 'The `kind` field is missing or not `rubric` or `answers`.',
    help: 'Add `kind: rubric` to a rubric file or `kind: answers` to an answers file, next to `svcaudit: 1`.',
  },
  // Survey CSV exports
  'csv-syntax': {
    severity: 'error',
    summary: 'The CSV file is malformed (a quote left open, or text after a closing quote).',
    help: 'Put a cell that holds commas, quotes or line breaks in double quotes, and double every quote inside it.',
  },
  'csv-duplicate-column': {
    severity: 'error',
    summary: 'Two columns of a CSV header have the same name.',
    help: "Rename or remove one of the columns; otherwise one column's answers would silently replace the other's.",
  },
  'csv-extra-cells': {
    severity: 'error',
    summary: 'A CSV row has more cells than the header.',
    help: 'This is usually an unquoted comma in a name or note, which shifts every later answer. Put such cells in double quotes.',
  },
  // Shape (the JSON Schema)
  'schema-unknown-key': {
    severity: 'error',
    summary: 'A key that the format does not define.',
    help: 'Unknown keys are almost always typos. Fix the spelling, or start the key with `x-` to keep data of your own.',
  },
  'schema-missing-key': {
    severity: 'error',
    summary: 'A required key is missing.',
    help: 'Add the key named in the message; the README lists the fields of rubric and answers files.',
  },
  'schema-type': {
    severity: 'error',
    summary: 'A value of the wrong type (text where a number is expected, a list where a mapping is expected, ...).',
    help: 'Change the value to the type named in the message.',
  },
  'schema-value': {
    severity: 'error',
    summary: 'A value outside what the format allows (pattern, range or fixed value).',
    help: 'Change the value as the message says: ids are kebab-case (`be-nice`), efforts are low, medium or high.',
  },
  // Rubric semantics (docs/rules.md)
  'duplicate-id': {
    severity: 'error',
    summary: 'Two sections or two items share an id.',
    help: 'Section ids must be unique among sections and item ids unique in the whole rubric, because answers files refer to items by id.',
  },
  'scale-integers': {
    severity: 'error',
    summary: 'The scale minimum or maximum is not a whole number.',
    help: 'Use whole numbers for `scale.min` and `scale.max`, such as 1 and 5.',
  },
  'scale-order': {
    severity: 'error',
    summary: 'The scale minimum is not below its maximum, or the scale has more than 101 levels.',
    help: 'Set `scale.min` lower than `scale.max` (for example 1 and 5), with at most 101 levels between them.',
  },
  'label-out-of-scale': {
    severity: 'error',
    summary: 'A scale label names a level outside the scale.',
    help: 'Give labels only for whole levels from `scale.min` to `scale.max`.',
  },
  'level-out-of-scale': {
    severity: 'error',
    summary: 'A level descriptor names a level outside the scale.',
    help: 'Key the level descriptors by whole levels from `scale.min` to `scale.max`.',
  },
  'target-out-of-scale': {
    severity: 'error',
    summary: 'A target lies outside the scale.',
    help: 'Set targets between `scale.min` and `scale.max`.',
  },
  'action-out-of-scale': {
    severity: 'error',
    summary: 'An action lifts an item to a level outside the scale.',
    help: 'Set each action\'s `to` to a level between `scale.min` and `scale.max`.',
  },
  'section-weight': {
    severity: 'error',
    summary: 'A section weight is zero or negative.',
    help: 'Section weights are relative and must be greater than 0. Remove a section rather than weighting it 0.',
  },
  'section-without-weight': {
    severity: 'error',
    summary: 'Every item of a section has weight 0, so the section could never be scored.',
    help: 'Give at least one item in the section a weight above 0.',
  },
  'item-without-levels': {
    severity: 'warning',
    summary: 'An item has no level descriptors.',
    help: 'Describe what each level looks like in practice (at least the lowest, middle and highest) so that different people score alike.',
  },
  'item-without-action': {
    severity: 'warning',
    summary: 'An item has no action that could apply below its target.',
    help: 'Add at least one action whose `to` lies above the scale minimum and at or below the target, or the improvement plan will be empty for this item.',
  },
  'target-at-minimum': {
    severity: 'warning',
    summary: 'A target equals the lowest level of the scale.',
    help: 'A target at the scale minimum can never show a gap. Raise the target, or remove the item.',
  },
  // Survey exports read through a mapping (docs/file-formats.md, "Survey exports")
  'file-encoding': {
    severity: 'warning',
    summary: 'The file is not UTF-8 text, so it was read as Windows-1252.',
    help: 'Export the file again as UTF-8 (in Excel: "CSV UTF-8"), or check that names with accents read as they should.',
  },
  'file-encoding-invalid': {
    severity: 'error',
    summary: 'The file declares an encoding (a byte-order mark) but its bytes do not follow it, or it mixes encodings.',
    help: 'Export the file again from the survey tool as UTF-8; a file pieced together from two exports can mix encodings.',
  },
  'export-limit': {
    severity: 'error',
    summary: 'A survey export goes past a size limit (a cell 100 kB, a row 1 MB, an .xlsx 50 MB on disk or 500 MB unpacked).',
    help: 'A real survey answer is far smaller: the file is usually damaged, or a quote was left open so that the rest of the file reads as one cell. Export it again.',
  },
  'export-unreadable': {
    severity: 'error',
    summary: 'A spreadsheet (.xlsx) that cannot be read: damaged, truncated, encrypted, or not a workbook.',
    help: 'Open the file in a spreadsheet program and save it again as .xlsx, or export the survey as CSV.',
  },
  'export-unknown-layout': {
    severity: 'error',
    summary: 'The layout of a survey export could not be told from its first rows, or does not match the `layout` the mapping names.',
    help: 'Name the layout in the mapping (`layout: google-forms`, ...), or check that the file is the export as the tool wrote it (header rows unchanged).',
  },
  'export-needs-mapping': {
    severity: 'error',
    summary: 'A survey tool\'s export whose headers are not item ids, read without a mapping.',
    help: 'Run `svcaudit map FILE > mapping.yaml`, review the proposal, and pass it with `--map mapping.yaml`.',
  },
  'export-answer-invalid': {
    severity: 'error',
    summary: 'An answer cell that is neither a level, a label, an na word nor empty.',
    help: 'Add the text to the mapping\'s `labels` with its level (or to `na`), or correct the cell. The message names the closest label.',
  },
  'export-date-invalid': {
    severity: 'error',
    summary: 'A date cell that is not a date svcaudit can read.',
    help: 'Dates may be ISO (`2026-11-20`, `2026-11-20T10:15:00Z`), the survey tool\'s own timestamp, a day/month/year date with `date-format`, or a spreadsheet serial date.',
  },
  'export-date-ambiguous': {
    severity: 'error',
    summary: 'Dates whose day/month order the values leave open (every day is 12 or less), or that use both orders.',
    help: 'Say the order in the mapping: `date-format: DMY`, `MDY` or `YMD`.',
  },
  // Mapping files
  'mapping-unknown-item': {
    severity: 'error',
    summary: 'A mapping names an item id that the rubric does not have.',
    help: 'Fix the item id (the message suggests the closest one), or remove the line. `svcaudit template` lists every id.',
  },
  'mapping-duplicate-column': {
    severity: 'error',
    summary: 'A mapping names the same column for two items or fields.',
    help: 'Each column answers one item: check which of the two lines names the wrong column.',
  },
  'mapping-label-out-of-scale': {
    severity: 'error',
    summary: 'A mapping label stands for a level outside the rubric\'s scale.',
    help: 'Give each label a whole level from the scale\'s minimum to its maximum, or list the text under `na`.',
  },
  'mapping-item-without-column': {
    severity: 'warning',
    summary: 'A rubric item that the mapping gives no column, so it is unanswered in every row.',
    help: 'Add the item under `columns:` with the column that asks it; an item the survey did not ask can stay out.',
  },
  'mapping-column-not-found': {
    severity: 'error',
    summary: 'A column named by the mapping is not in the export, or names two columns.',
    help: 'Copy the header text from the export (white space and case do not matter), or name the column by letter (`{column: F}`) or by the tool\'s id (`{id: QID12_1}`).',
  },
  'mapping-rubric-mismatch': {
    severity: 'error',
    summary: 'The mapping names a different rubric from the one in use.',
    help: 'Use the mapping with the rubric it was written for (`--rubric`), or correct its `rubric:` field.',
  },
  // Answers files
  'answers-rubric-mismatch': {
    severity: 'error',
    summary: 'The answers file names a different rubric (or version) from the one in use.',
    help: 'Score the file with the rubric it was written for (`--rubric`), or correct its `rubric:` field.',
  },
  'answers-unknown-rubric': {
    severity: 'error',
    summary: 'The answers file names a rubric that is not built in, and no `--rubric` was given.',
    help: 'Pass the rubric file with `--rubric path/to/rubric.yaml`, or use the id of a built-in rubric (`svcaudit rubrics`).',
  },
  'answers-unknown-item': {
    severity: 'error',
    summary: 'An answer for an item id that the rubric does not have.',
    help: 'Fix the item id (the message suggests the closest one), or remove the answer. `svcaudit template` lists every id.',
  },
  'answers-score-not-integer': {
    severity: 'error',
    summary: 'A score that is not a whole level of the scale.',
    help: 'Scores are whole levels such as 3; use `na` when an item does not apply.',
  },
  'answers-score-out-of-scale': {
    severity: 'error',
    summary: 'A score outside the rubric\'s scale.',
    help: 'Use a level between the scale\'s minimum and maximum, `na`, or leave the item out.',
  },
  'answer-outside-audience': {
    severity: 'warning',
    summary: 'A score from a respondent whose role is not in the item\'s audience.',
    help: 'The item\'s `audience` lists the roles who can judge it (roles compared without regard to case); the score still counts. Check the respondent\'s `role`, answer `na` or leave the item out, or widen the audience in the rubric.',
  },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];
