/**
 * A copy of a text that shares no memory with the text it was cut from. V8 keeps a substring of
 * 13 characters or more as a view into its parent, and the parent alive with it: a quote kept
 * for the report, or a group's name, cut from a 64 kB piece of a survey export would keep that
 * whole piece, and a hundred thousand of them the whole export. Whatever is kept past its row
 * goes through this. (JSON round-trips every string exactly, lone surrogates included.)
 */
export function detached(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/** detached for a text that may be absent. */
export function detachedOrUndefined(text: string | undefined): string | undefined {
  return text === undefined ? undefined : detached(text);
}
