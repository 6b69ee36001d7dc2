/**
 * How an application call ended when it did not throw. `cli/exit-codes.ts` alone turns an
 * outcome into an exit code (docs/exit-codes.md); the library hands it to its callers as it is.
 */
export type Outcome =
  | 'ok' // done, nothing wrong (warnings allowed)
  | 'findings' // the inputs were read and found wanting (validation errors, too many warnings)
  | 'below-threshold' // score: under --fail-under, or --strict with unanswered items
  | 'interrupted'; // assess: stopped with Ctrl-C after every answer so far was saved
