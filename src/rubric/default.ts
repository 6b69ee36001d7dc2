/** The rubric every command uses when no `--rubric` is given. */
export const DEFAULT_RUBRIC = 'service-commitments';
