/** The public API: the core of svcaudit, without the command line. */
export { SvcauditError, type ExitCode } from './core/errors.js';
export type { Finding, Severity } from './core/finding.js';
export { RULES, type RuleId } from './core/rules.js';
export type { Rubric, Section, Item, Action, Scale } from './rubric/model.js';
export type { AnswerSet, Answer, Score } from './core/answers.js';
export { checkRubricText } from './rubric/check-rubric.js';
export { loadRubric, DEFAULT_RUBRIC } from './rubric/load-rubric.js';
export { validateFiles } from './app/validate/validate-files.js';
export { rubricSchema, answersSchema } from './rubric/schema.js';
export { writeAnswersFile, formatAnswers, type WriteAnswersOptions } from './inputs/answers-yaml/write-answers.js';
