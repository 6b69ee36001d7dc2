/**
 * docs/file-formats.md, "Answers file": a score from a respondent whose `role` is outside
 * the item's `audience` is a warning, and the score still counts. Shared by
 * the answers-file check and the CSV reader so both say it alike.
 */
import { finding, type Finding, type Span } from '../core/finding.js';
import { excerpt } from '../core/inert-text.js';
import { inAudience, type Item } from '../rubric/model.js';

/**
 * The warning for a score given by `role`, or undefined when the item asks that role (or anyone).
 * `span` may be given as a function, asked only when there is a warning to place.
 */
export function audienceFinding(item: Pick<Item, 'id' | 'audience'>, role: string | undefined, file: string, span: Span | (() => Span)): Finding | undefined {
  // A blank role says nothing about the respondent, as a blank CSV cell gives no role at all.
  if (role === undefined || role.trim() === '' || item.audience === undefined || inAudience(item, role)) return undefined;
  const message = `Item \`${item.id}\` is for its audience (${excerpt(item.audience.join(', '))}); this respondent's role is \`${excerpt(role.trim())}\`. The score still counts.`;
  return finding('answer-outside-audience', message, file, typeof span === 'function' ? span() : span);
}
