/**
 * Text inside SpreadsheetML (ECMA-376 Part 1, §18): XML's five entities and character references,
 * and the `_xHHHH_` escape that Excel writes for characters XML cannot carry (§22.9.2.19, ST_Xstring).
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function xmlText(raw: string): string {
  const text = raw.includes('&')
    ? raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
        if (name[0] !== '#') return ENTITIES[name] ?? whole;
        const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      })
    : raw;
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** The text of every `<t>` inside a string item (a run of rich text is several), leaving out phonetic runs (`<rPh>`). */
export function stringItemText(inner: string): string {
  const withoutPhonetic = inner.includes('rPh') ? inner.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '') : inner;
  let out = '';
  for (const match of withoutPhonetic.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) out += xmlText(match[1]!);
  return out;
}

/** An attribute's value in a start tag's attribute text. */
export function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)(?:\\w+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return match ? xmlText(match[1] ?? match[2]!) : undefined;
}

/**
 * Complete elements named `tag` from a stream of XML text, each as its attribute text and inner
 * text; `maxElement` bounds what is held while an element is still open.
 */
export async function* elements(
  text: AsyncIterable<string>,
  tag: string,
  maxElement: number,
  tooLarge: () => Error,
): AsyncGenerator<{ attributes: string; inner: string }> {
  const open = new RegExp(`<(?:\\w+:)?${tag}(?=[\\s/>])`, 'g');
  const close = new RegExp(`</(?:\\w+:)?${tag}\\s*>`, 'g');
  let buffer = '';
  for await (const piece of text) {
    buffer += piece;
    let consumed = 0;
    for (;;) {
      open.lastIndex = consumed;
      const start = open.exec(buffer);
      if (!start) {
        // Nothing open: keep only a tail that could be the start of a tag cut by the chunk.
        consumed = Math.max(consumed, buffer.length - tag.length - 16);
        break;
      }
      const tagEnd = buffer.indexOf('>', start.index);
      if (tagEnd < 0) {
        consumed = start.index;
        break;
      }
      const attributes = buffer.slice(start.index + start[0].length, buffer[tagEnd - 1] === '/' ? tagEnd - 1 : tagEnd);
      if (buffer[tagEnd - 1] === '/') {
        yield { attributes, inner: '' };
        consumed = tagEnd + 1;
        continue;
      }
      close.lastIndex = tagEnd;
      const end = close.exec(buffer);
      if (!end) {
        consumed = start.index;
        break;
      }
      yield { attributes, inner: buffer.slice(tagEnd + 1, end.index) };
      consumed = end.index + end[0].length;
    }
    buffer = buffer.slice(Math.max(0, consumed));
    if (buffer.length > maxElement) throw tooLarge();
  }
}
