/**
 * The fast reader: plain block YAML, the way rubric and answers files are
 * written (mappings and lists by indentation; plain, quoted and block
 * scalars; one-line flow collections; comments), read a line at a time.
 *
 * Why a reader of our own: on a fresh Node 20 process a general YAML parser
 * costs more to load and run (its code runs once, cold) than the whole rest
 * of `validate`. This one does its work with a few string operations per
 * line instead of a state machine per character.
 *
 * It never reports a problem. Whatever it does not fully understand, or
 * where YAML's rules are subtle (anchors, tags, multi-line plain or quoted
 * scalars, keep-chomping, indentation indicators, duplicate keys, tabs, …),
 * it declines by returning undefined, and the full reader (yaml-source.ts)
 * decides. Its one duty is to read a file it accepts into exactly the data
 * the full reader would; a differential property test holds it to that.
 */
import { MAX_DEPTH } from '../core/source.js';

/**
 * Well under the full reader's limit, so that the two never count depth differently near it;
 * rubric and answers files are about seven levels deep.
 */
const DEPTH_LIMIT = MAX_DEPTH / 2;

/** Thrown to give up on the fast reading; caught once, in readPlainYaml. */
class Decline {}
const decline = (): never => {
  throw new Decline();
};

/** The YAML 1.2 core schema's plain scalars, as the full reader resolves them. */
const NULLS = new Set(['~', 'null', 'Null', 'NULL']);
const BOOLEANS = new Map([['true', true], ['True', true], ['TRUE', true], ['false', false], ['False', false], ['FALSE', false]]);
const DECIMAL = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;
/**
 * Any other text that is a number in some YAML schema (`1e3`, `0x1F`, `1_000`, `.5`, `+1`, `.inf`):
 * parsers differ on these, so they are left to the full reader.
 */
const NUMBER_LIKE =
  /^[-+]?(?:[0-9_]+(?:\.[0-9_]*)?(?:e[-+]?[0-9]+)?|\.[0-9_]+(?:e[-+]?[0-9]+)?|0x[0-9a-f_]+|0o[0-7_]+|0b[01_]+|\.inf|\.nan|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?)$/i;
/** Keys as rubric and answers files write them; anything else (quoted, dotted, spaced) is declined. */
const FLOW_KEY = /^([A-Za-z_][A-Za-z0-9_-]*|0|[1-9][0-9]*)/;
/** A block mapping's key: the same, then `:` and a space or the end of the line. */
const KEY = new RegExp(`${FLOW_KEY.source}:(?= |$)`);
const NOT_SPACE = /[^ ]/;
/** What may follow a complete value on its line: spaces, then perhaps a comment. */
const LINE_END = /^(?: +#.*| *)$/;
const BLOCK_HEADER = /^([|>])(-?)(?: +#.*| *)$/;
/** Characters that cannot start a plain scalar, or start YAML constructs this reader leaves alone. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** Escapes that mean the same in YAML and JSON double-quoted strings; a JSON.parse reads them. */
const SHARED_ESCAPES = '"\\/bfnrtu';

export function readPlainYaml(text: string): unknown {
  // Tabs and lone carriage returns have rules of their own; a carriage return before a newline is fine.
  if (text.includes('\t')) return undefined;
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.includes('\r')) {
    if (/\r(?!\n)/.test(body)) return undefined;
    body = body.replaceAll('\r\n', '\n');
  }
  try {
    return new Reader(body.split('\n')).document();
  } catch (error) {
    if (error instanceof Decline) return undefined;
    throw error;
  }
}

class Reader {
  private at = 0;
  private depth = 0;
  /** Per line: the indent, or -1 for a blank or comment line (outside block scalars, lines to skip). */
  private readonly indents: number[];

  constructor(private readonly lines: string[]) {
    // One pass with a native search per line: the reader runs once per process, before V8 has
    // optimised anything, so per-character loops in JavaScript would dominate its time.
    this.indents = lines.map((line) => {
      const indent = line.search(NOT_SPACE);
      return indent < 0 || line.charCodeAt(indent) === 0x23 /* # */ ? -1 : indent;
    });
  }

  document(): unknown {
    let first = this.nextContent();
    if (first >= 0 && /^---(?: +#.*| *)$/.test(this.lines[first]!)) {
      this.at = first + 1;
      first = this.nextContent();
    }
    if (first < 0 || this.indents[first] !== 0) decline();
    const value = this.blockNode(0);
    if (this.nextContent() >= 0) decline();
    return value;
  }

  /** The index of the next line that is neither blank nor a comment, or -1; does not move past it. */
  private nextContent(): number {
    const { indents } = this;
    for (let i = this.at; i < indents.length; i++) if (indents[i]! >= 0) return i;
    return -1;
  }

  private blockNode(indent: number): unknown {
    if (++this.depth > DEPTH_LIMIT) decline();
    const line = this.lines[this.nextContent()]!;
    const value = isSequenceEntry(line, indent) ? this.sequence(indent) : this.mapping(indent);
    this.depth--;
    return value;
  }

  private mapping(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (let i = this.nextContent(); i >= 0; i = this.nextContent()) {
      const lineIndent = this.indents[i]!;
      if (lineIndent < indent) break;
      if (lineIndent > indent) decline();
      const content = this.lines[i]!.slice(indent);
      const key = newKey(map, KEY.exec(content)?.[1]);
      this.at = i + 1;
      map[key] = this.value(content.slice(indentOf(content, key.length + 1)), indent, true);
    }
    return map;
  }

  private sequence(indent: number): unknown[] {
    const list: unknown[] = [];
    for (let i = this.nextContent(); i >= 0; i = this.nextContent()) {
      const line = this.lines[i]!;
      const lineIndent = this.indents[i]!;
      if (lineIndent < indent || (lineIndent === indent && !isSequenceEntry(line, indent))) break;
      if (lineIndent > indent) decline();
      const column = indentOf(line, indent + 1);
      const rest = line.slice(column);
      if (rest === '-' || rest.startsWith('- ')) decline(); // a list directly inside a list entry
      if (KEY.test(rest)) {
        // `- key: value` opens a mapping at the column of its key: read the line as if the dash were a space.
        this.lines[i] = ' '.repeat(column) + rest;
        this.indents[i] = column;
        list.push(this.blockNode(column));
      } else {
        this.at = i + 1;
        list.push(this.value(rest, indent, false));
      }
    }
    return list;
  }

  /**
   * The value after `key:` or `- ` (`rest`, already without leading spaces), in a block whose
   * entries sit at `indent`; a list may sit at the same indent as its key (`key:` then `- a`).
   */
  private value(rest: string, indent: number, listMayShareIndent: boolean): unknown {
    if (rest === '' || rest.startsWith('#')) {
      const next = this.nextContent();
      if (next < 0) return null;
      const nextIndent = this.indents[next]!;
      if (nextIndent > indent) return this.blockNode(nextIndent);
      if (nextIndent === indent && listMayShareIndent && isSequenceEntry(this.lines[next]!, indent)) return this.sequence(indent);
      return null;
    }
    const header = BLOCK_HEADER.exec(rest);
    if (header) return this.blockScalar(header[1] === '>', header[2] === '-', indent);
    if (rest[0] === '|' || rest[0] === '>') decline(); // keep-chomping or an indentation indicator
    let value: unknown;
    if (rest[0] === '"' || rest[0] === "'" || rest[0] === '[' || rest[0] === '{') {
      const flow = new FlowReader(rest);
      value = flow.node(this.depth);
      if (!LINE_END.test(flow.rest())) decline();
    } else {
      value = plainScalar(rest);
    }
    // A more indented line after a one-line value would continue it (or be an error): the full reader decides.
    const next = this.nextContent();
    if (next >= 0 && this.indents[next]! > indent) decline();
    return value;
  }

  /** `|` (literal) and `>` (folded) scalars with clip or strip (`-`) chomping. */
  private blockScalar(folded: boolean, strip: boolean, indent: number): string {
    const { lines } = this;
    const parts: string[] = [];
    let contentIndent = -1;
    for (; this.at < lines.length; this.at++) {
      const line = lines[this.at]!;
      const lineIndent = line.search(NOT_SPACE);
      if (lineIndent < 0) {
        // A blank line: before the first text, or with spaces beyond the text's indent, YAML keeps more than a newline.
        if (contentIndent < 0 || line.length > contentIndent) decline();
        parts.push('');
        continue;
      }
      if (contentIndent < 0) {
        if (lineIndent <= indent) break;
        contentIndent = lineIndent;
      }
      if (lineIndent < contentIndent) break;
      // More indented lines fold differently, and trailing spaces are kept: leave both to the full reader.
      if ((folded && lineIndent > contentIndent) || line.endsWith(' ')) decline();
      parts.push(line.slice(contentIndent));
    }
    while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
    if (parts.length === 0) return '';
    const text = folded ? fold(parts) : parts.join('\n');
    return strip ? text : `${text}\n`;
  }
}

/** Folding: lines of a paragraph join with a space; each blank line between them becomes a newline. */
function fold(parts: readonly string[]): string {
  let text = parts[0]!;
  let blanks = 0;
  for (let i = 1; i < parts.length; i++) {
    if (parts[i] === '') {
      blanks++;
      continue;
    }
    text += blanks > 0 ? '\n'.repeat(blanks) : ' ';
    text += parts[i];
    blanks = 0;
  }
  return text;
}

/** A one-line plain scalar in block context (what follows `key: ` or `- `). */
function plainScalar(rest: string): unknown {
  const comment = rest.indexOf(' #');
  const text = trimEndSpaces(comment >= 0 ? rest.slice(0, comment) : rest);
  if (text.includes(': ') || text.endsWith(':')) decline();
  return resolvePlain(text);
}

function resolvePlain(text: string): unknown {
  if (NULLS.has(text)) return null;
  const bool = BOOLEANS.get(text);
  if (bool !== undefined) return bool;
  if (DECIMAL.test(text)) return Number(text);
  if (text === '' || INDICATOR.test(text) || NUMBER_LIKE.test(text)) decline();
  return text;
}

/** Reads one flow node (`[…]`, `{…}`, a quoted or a plain scalar) from the start of a single line. */
class FlowReader {
  private at = 0;

  constructor(private readonly text: string) {}

  rest(): string {
    return this.text.slice(this.at);
  }

  node(depth: number): unknown {
    if (depth > DEPTH_LIMIT) decline();
    this.skipSpaces();
    const c = this.text[this.at];
    if (c === '[') return this.list(depth);
    if (c === '{') return this.map(depth);
    if (c === '"' || c === "'") return this.quoted();
    return this.plain();
  }

  private list(depth: number): unknown[] {
    const list: unknown[] = [];
    this.at++;
    this.skipSpaces();
    if (this.eat(']')) return list;
    for (;;) {
      list.push(this.node(depth + 1));
      this.skipSpaces();
      if (this.text[this.at] === ':') decline(); // `[a: b]`, a mapping inside a list
      if (this.eat(']')) return list;
      if (!this.eat(',')) decline();
      this.skipSpaces();
      if (this.text[this.at] === ']') decline(); // a trailing comma
    }
  }

  private map(depth: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    this.at++;
    this.skipSpaces();
    if (this.eat('}')) return map;
    for (;;) {
      const key = newKey(map, FLOW_KEY.exec(this.rest())?.[1]);
      this.at += key.length;
      if (this.text[this.at] !== ':' || this.text[this.at + 1] !== ' ') decline();
      this.at += 2;
      map[key] = this.node(depth + 1);
      this.skipSpaces();
      if (this.eat('}')) return map;
      if (!this.eat(',')) decline();
      this.skipSpaces();
      if (this.text[this.at] === '}') decline();
    }
  }

  /** A quoted scalar that closes on this line. */
  private quoted(): string {
    const { text } = this;
    const quote = text[this.at];
    let end = this.at + 1;
    if (quote === "'") {
      for (;;) {
        end = text.indexOf("'", end);
        if (end < 0) decline();
        if (text[end + 1] !== "'") break;
        end += 2;
      }
      const value = text.slice(this.at + 1, end).replaceAll("''", "'");
      this.at = end + 1;
      return value;
    }
    for (;;) {
      end = text.indexOf('"', end);
      if (end < 0) decline();
      let backslashes = 0;
      while (text[end - 1 - backslashes] === '\\') backslashes++;
      if (backslashes % 2 === 0) break;
      end++;
    }
    const inner = text.slice(this.at + 1, end);
    for (const escape of inner.matchAll(/\\(.)/gs)) if (!SHARED_ESCAPES.includes(escape[1]!)) decline();
    let value: string;
    try {
      value = JSON.parse(`"${inner}"`) as string;
    } catch {
      return decline();
    }
    this.at = end + 1;
    return value;
  }

  /** A plain scalar inside a flow collection: it ends at `,`, `]`, `}` or `: `. */
  private plain(): unknown {
    const match = /^[^,[\]{}#:"']+/.exec(this.rest()) ?? decline();
    this.at += match[0].length;
    const next = this.text[this.at];
    // A `:` or `#` inside the scalar, or a quote after it: the rules differ between parsers.
    if ((next === ':' && this.text[this.at + 1] !== ' ') || next === '#' || next === '"' || next === "'") decline();
    return resolvePlain(trimEndSpaces(match[0]));
  }

  private skipSpaces(): void {
    while (this.text[this.at] === ' ') this.at++;
  }

  private eat(char: string): boolean {
    if (this.text[this.at] !== char) return false;
    this.at++;
    return true;
  }
}

/** The index of the first character from `from` on that is not a space (YAML's only indentation). */
/**
 * A key the map can take as it is: not a word the core schema reads as null or a boolean, not
 * `__proto__` (it would set the object's prototype), not a duplicate. Otherwise the full reader decides.
 */
function newKey(map: Record<string, unknown>, key: string | undefined): string {
  if (key === undefined || key === '__proto__' || NULLS.has(key) || BOOLEANS.has(key) || Object.hasOwn(map, key)) return decline();
  return key;
}

function indentOf(line: string, from = 0): number {
  let i = from;
  while (line.charCodeAt(i) === 0x20) i++;
  return i;
}

/** Only spaces: `trimEnd` would also take characters such as a no-break space, which YAML keeps. */
function trimEndSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x20) end--;
  return text.slice(0, end);
}

function isSequenceEntry(line: string, indent: number): boolean {
  return line.charCodeAt(indent) === 0x2d /* - */ && (line.length === indent + 1 || line.charCodeAt(indent + 1) === 0x20);
}
