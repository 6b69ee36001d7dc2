/**
 * Where a JSON text first goes wrong, as a character offset. V8 puts the
 * position in some `JSON.parse` messages and not others (Node 20 says only
 * `Unexpected token '}', ..."overall": }" is not valid JSON`), and docs/file-formats.md
 * wants every error to give a line and column; this walks the JSON grammar
 * (RFC 8259) just far enough to find the offset. Only run after JSON.parse
 * has failed, so it need not be fast, only right.
 */
const WHITESPACE = /[ \t\n\r]/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

class Stop {
  constructor(readonly at: number) {}
}

/** The offset of the first syntax error; undefined when the text is valid JSON (or too deeply nested to walk). */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const skip = (): void => {
    while (i < text.length && WHITESPACE.test(text[i]!)) i++;
  };
  const token = (pattern: RegExp): void => {
    pattern.lastIndex = i;
    if (!pattern.test(text)) throw new Stop(i);
    i = pattern.lastIndex;
  };
  const expect = (c: string): void => {
    skip();
    if (text[i] !== c) throw new Stop(i);
    i++;
  };
  const value = (): void => {
    skip();
    const c = text[i];
    if (c === '{') return list('}', () => {
      skip();
      token(STRING);
      expect(':');
      value();
    });
    if (c === '[') return list(']', value);
    if (c === '"') return token(STRING);
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return token(NUMBER);
    return token(LITERAL);
  };
  const list = (close: string, entry: () => void): void => {
    i++;
    skip();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      entry();
      skip();
      if (text[i] === ',') i++;
      else if (text[i] === close) {
        i++;
        return;
      } else throw new Stop(i);
    }
  };
  try {
    value();
    skip();
    return i < text.length ? i : undefined;
  } catch (error) {
    if (error instanceof Stop) return error.at;
    return undefined;
  }
}
