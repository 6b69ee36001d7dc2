/** One respondent's answers, as read from a YAML file, a CSV row or stdin. */
export type Score = number | 'na' | null; // null: left blank, which means unanswered

export interface Answer {
  readonly score: Score;
  readonly note: string | undefined;
  readonly evidence: readonly string[];
}

export interface AnswerSet {
  /** The file (or `file:row` for a CSV row) the answers came from. */
  readonly source: string;
  /** The rubric id the file names, without the version. */
  readonly rubric: string;
  readonly rubricVersion: string | undefined;
  /** Free-form respondent fields; values as text so they can be grouped on. */
  readonly respondent: Readonly<Record<string, string>>;
  readonly date: string | undefined;
  /** Item id → answer; an item absent here is unanswered. */
  readonly answers: ReadonlyMap<string, Answer>;
  /** General remarks not tied to an item (`comments:`, or a survey's `item: general` evidence column). */
  readonly comments?: readonly string[];
}

/**
 * Why an export's rows were left out before scoring (docs/file-formats.md, "Layouts"): a
 * Qualtrics preview or unfinished response, a Typeform partial, a LimeSurvey response never
 * submitted, or a row the mapping's `include` does not pass.
 */
export const EXCLUSION_RULES = ['unfinished', 'preview', 'partial', 'incomplete', 'filter'] as const;
export type ExclusionRule = (typeof EXCLUSION_RULES)[number];

/** The name to show next to a respondent's note or quote. */
export function respondentLabel(set: Pick<AnswerSet, 'respondent'>): string | undefined {
  const { name, role } = set.respondent;
  if (name && role) return `${name} (${role})`;
  return name ?? role;
}

/** Answered means a score or `na`; an absent item or a blank (`null`) score is unanswered. */
export function isAnswered(answer: Answer | undefined): boolean {
  return answer !== undefined && answer.score !== null;
}
