/** The public API: the core of svcaudit, without the command line. */
export { SvcauditError, type ExitCode } from './errors.js';
export type { Finding, Severity } from './rubric/finding.js';
export { RULES, type RuleId } from './rubric/rules.js';
export type { Rubric, Section, Item, Action, Scale } from './rubric/model.js';
export type { AnswerSet, Answer, Score } from './answers/model.js';
export { checkRubricText } from './rubric/check-rubric.js';
export { loadRubric, DEFAULT_RUBRIC } from './rubric/load-rubric.js';
export { validateFiles } from './validate/validate-files.js';
export { rubricSchema, answersSchema } from './rubric/schema.js';
export { writeAnswersFile, formatAnswers, type WriteAnswersOptions } from './answers/write-answers.js';
