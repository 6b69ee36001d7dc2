/**
 * A text as the pieces a stream might deliver it in, cut at the given offsets (repeats, order and
 * offsets past the end do not matter): for readers that must give the same rows however the
 * text arrives.
 */
export async function* cut(text: string, at: readonly number[]): AsyncGenerator<string> {
  let from = 0;
  for (const to of [...new Set(at)].sort((a, b) => a - b)) {
    if (to <= from || to >= text.length) continue;
    yield text.slice(from, to);
    from = to;
  }
  yield text.slice(from);
}
