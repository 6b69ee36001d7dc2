/**
 * The fast reader of plain block YAML (src/rubric/plain-yaml.ts): what it
 * reads, what it leaves to the full reader, and, over thousands of generated
 * documents, that it never reads a text differently from the full reader.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPlainYaml } from '../../src/rubric/plain-yaml.js';
import { parseYaml } from '../../src/rubric/yaml-source.js';
import { propertyRuns } from '../helpers/property-runs.js';

/** Whatever the fast reader accepts, the full reader reads the same, without a finding. */
function agreesWithFullReader(text: string): unknown {
  const fast = readPlainYaml(text);
  if (fast !== undefined) {
    const full = parseYaml(text, 'f.yaml');
    expect(full.findings, text).toEqual([]);
    expect(fast, text).toEqual(full.value);
  }
  return fast;
}

describe('reads plain block YAML', () => {
  it.each([
    ['mappings and lists by indentation', 'a: 1\nb:\n  c: x\n  d:\n    - 1\n    - two\n', { a: 1, b: { c: 'x', d: [1, 'two'] } }],
    ['a list at the same indent as its key', 'a:\n- 1\n- 2\nb: 3\n', { a: [1, 2], b: 3 }],
    ['a mapping opened on a list entry', 'items:\n  - id: a\n    to: 2\n  - id: b\n', { items: [{ id: 'a', to: 2 }, { id: 'b' }] }],
    ['core-schema scalars', 'a: ~\nb: null\nc: true\nd: False\ne: -3\nf: 4.50\ng: yes\nh: 2026-11-20\ni:\n', { a: null, b: null, c: true, d: false, e: -3, f: 4.5, g: 'yes', h: '2026-11-20', i: null }],
    ['comments, blank lines and a document marker', '# head\n---\n\na: 1 # note\n  # indented comment\nb: x#y\n', { a: 1, b: 'x#y' }],
    ['quoted scalars', `a: 'it''s: #1'\nb: "tab\\tquote\\" \\u00e9"\nc: ''\n`, { a: "it's: #1", b: 'tab\tquote" é', c: '' }],
    ['folded scalars', 'a: >-\n  one\n  two\n\n  three\nb: >\n  x\n', { a: 'one two\nthree', b: 'x\n' }],
    ['literal scalars', 'a: |\n  one\n    two\n\n  # not a comment\nb: |-\n  x\n', { a: 'one\n  two\n\n# not a comment\n', b: 'x' }],
    ['one-line flow collections', 'a: {1: Not in place, 2: "x, y"}\nb: [1, [2, c], {}]\nc: []\n', { a: { 1: 'Not in place', 2: 'x, y' }, b: [1, [2, 'c'], {}], c: [] }],
    ['CRLF line ends and a byte-order mark', '\ufeffa: 1\r\nb:\r\n  - x\r\n', { a: 1, b: ['x'] }],
    ['text with colons and dashes inside', 'url: https://example.com/a-b\nnote: well-known - fine\n', { url: 'https://example.com/a-b', note: 'well-known - fine' }],
  ])('%s', (_, text, expected) => {
    expect(agreesWithFullReader(text)).toEqual(expected);
  });
});

describe('leaves to the full reader what it does not fully understand', () => {
  it.each([
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 5\n'],
    ['a tab', 'a:\t1\n'],
    ['a lone carriage return', 'a: 1\rb: 2\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a `__proto__` key', '__proto__: 1\n'],
    ['a key the core schema reads as null or a boolean', 'true: 1\n'],
    ['a quoted key', '"a": 1\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a multi-line quoted scalar', 'a: "one\n  two"\n'],
    ['keep-chomping', 'a: |+\n  x\n\n'],
    ['an indentation indicator', 'a: |2\n   x\n'],
    ['a more-indented line in a folded scalar', 'a: >\n  x\n    y\n'],
    ['a leading blank line in a block scalar', 'a: |\n\n  x\n'],
    ['trailing spaces in a block scalar', 'a: |\n  x  \n'],
    ['numbers some schemas read differently', 'a: 0x1F\n'],
    ['a plain scalar starting with an indicator', 'a: -x\n'],
    ['a mapping inside a plain value', 'a: b: c\n'],
    ['a flow collection over two lines', 'a: [1,\n  2]\n'],
    ['a trailing comma in a flow collection', 'a: [1, 2, ]\n'],
    ['a YAML-only escape', 'a: "\\x41"\n'],
    ['a list inside a list entry', 'a:\n  - - 1\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a scalar document', 'just text\n'],
    ['an empty document', '# nothing\n'],
    ['a wrongly indented key', 'a: 1\n b: 2\n'],
    ['nesting deeper than any rubric', `a: ${'['.repeat(40)}${']'.repeat(40)}\n`],
  ])('%s', (_, text) => {
    expect(readPlainYaml(text)).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// Generated documents: random data, written out in random YAML styles.

type Data = null | boolean | number | string | Data[] | { [key: string]: Data };

const KEYS = ['id', 'title', 'look-for', 'x-tool', 'to', '1', '2', '10', 'a_b', 'yes', 'on'];
const CHARS = ['a', 'b', 'Z', ' ', ' ', ':', '#', '-', '"', "'", '[', ']', '{', '}', ',', '|', '>', '&', '*', '!', '%', '@', '`', '\\', '.', 'é', '😀', '\u00a0', '\n', '1', '0', 'e', '?'];

const scalar: fc.Arbitrary<Data> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -1000, max: 100000 }),
  fc.integer({ min: -10000, max: 10000 }).map((n) => n / 100), // decimals such as 4.5 (written without an exponent)
  fc.array(fc.constantFrom(...CHARS), { maxLength: 24 }).map((chars) => chars.join('')),
  fc.constantFrom('na', 'Null', 'TRUE', '3.0', '1e3', '.5', '+1', '017', '~', 'Not in place', 'well - done', 'a: b', 'x #y'),
);

const { data } = fc.letrec<{ data: Data }>((tie) => ({
  data: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('data'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('data'), { maxKeys: 4 }),
  ),
}));
const document = fc.dictionary(fc.constantFrom(...KEYS), data, { minKeys: 1, maxKeys: 5 });

/** Picks style choices from a tape of random numbers; `safe` picks only styles that keep the data exactly. */
class Writer {
  private at = 0;
  constructor(private readonly tape: readonly number[], private readonly safe: boolean) {}

  private pick(n: number): number {
    return this.tape.length === 0 ? 0 : this.tape[this.at++ % this.tape.length]! % n;
  }

  document(value: { [key: string]: Data }): string {
    return `${this.entries(value, 0).join('\n')}\n`;
  }

  private entries(map: { [key: string]: Data }, indent: number): string[] {
    const pad = ' '.repeat(indent);
    return Object.entries(map).flatMap(([key, value]) => this.node(`${pad}${key}:`, value, indent));
  }

  /** `head` is `key:` or `-`; the value goes after it on the line or on the lines below. */
  private node(head: string, value: Data, indent: number): string[] {
    if (value !== null && typeof value === 'object' && Object.keys(value).length > 0 && this.pick(4) !== 0) {
      const inner = indent + 2;
      if (Array.isArray(value)) {
        const listIndent = head.endsWith(':') && this.pick(2) === 0 ? indent : inner; // `key:` then `- a` at the same indent
        return [head, ...value.flatMap((item) => this.listEntry(item, listIndent))];
      }
      return [head, ...this.entries(value, inner)];
    }
    return this.inline(head, value, indent);
  }

  private listEntry(item: Data, indent: number): string[] {
    const pad = ' '.repeat(indent);
    if (item !== null && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length > 0 && this.pick(2) === 0) {
      // A mapping opened on the dash line.
      const [first, ...rest] = this.entries(item, indent + 2);
      return [`${pad}- ${first!.trimStart()}`, ...rest];
    }
    return this.node(`${pad}-`, item, indent);
  }

  private inline(head: string, value: Data, indent: number): string[] {
    if (typeof value === 'string') return this.text(head, value, indent);
    if (value !== null && typeof value === 'object') return [`${head} ${flow(value)}`];
    if (typeof value === 'number' && !this.safe && this.pick(3) === 0) return [`${head} "${value}"`]; // text, not a number
    return [`${head} ${String(value)}`];
  }

  private text(head: string, value: string, indent: number): string[] {
    const pad = ' '.repeat(indent + 2);
    const style = this.safe ? 0 : this.pick(5);
    switch (style) {
      case 1: return [`${head} ${value}`]; // plain, whatever that reads as
      case 2: return [`${head} '${value.replaceAll("'", "''")}'`];
      case 3: { // literal
        const body = value.endsWith('\n') ? value.slice(0, -1) : value;
        return [`${head} |${value.endsWith('\n') ? '' : '-'}`, ...body.split('\n').map((line) => (line === '' ? '' : pad + line))];
      }
      case 4: // folded, broken at random spaces
        return [`${head} >-`, ...value.split(' ').reduce<string[]>((lines, word, i) => {
          if (i === 0 || this.pick(3) === 0) lines.push(pad + word);
          else lines[lines.length - 1] += ` ${word}`;
          return lines;
        }, [])];
      default: return [`${head} ${JSON.stringify(value)}`];
    }
  }
}

function flow(value: Data): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${k}: ${flow(v)}`).join(', ')}}`;
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

describe('never reads a text differently from the full reader', () => {
  it('documents written in styles that keep their data: read, and read exactly', () => {
    fc.assert(
      fc.property(document, fc.array(fc.nat(), { maxLength: 64 }), (value, tape) => {
        const text = new Writer(tape, true).document(value);
        expect(agreesWithFullReader(text), text).toEqual(value);
      }),
      propertyRuns({ runs: 300, seed: 20261123 }),
    );
  });

  it('documents written in any style, ambiguous ones included: read as the full reader reads them, or left to it', () => {
    let read = 0;
    fc.assert(
      fc.property(document, fc.array(fc.nat(), { maxLength: 64 }), (value, tape) => {
        if (agreesWithFullReader(new Writer(tape, false).document(value)) !== undefined) read++;
      }),
      propertyRuns({ runs: 500, seed: 20261123 }),
    );
    // The comparison is only made on what the fast reader accepts: make sure that is a good share.
    expect(read).toBeGreaterThan(300);
  });
});
