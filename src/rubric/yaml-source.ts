/**
 * Reads YAML text into plain data while keeping the document, so that any
 * later finding can point at the line and column of the node it is about.
 * Hostile input (binary data, alias bombs, deep nesting) ends in findings,
 * never in an exception or a hang.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Alias, type Document, type Node, type YAMLError } from 'yaml';
import { finding, type Finding, type Span } from '../core/finding.js';
import { MAX_DEPTH, START, type PathSegment, type YamlSource } from '../core/source.js';

/** yaml's guard against billion-laughs documents (the default, stated here so it is deliberate). */
const MAX_ALIAS_COUNT = 100;

export function parseYaml(text: string, file: string): YamlSource {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a byte-order mark is allowed
  if (source.trim() === '' || isOnlyComments(source)) {
    return { file, value: undefined, locate: () => START, findings: [finding('file-empty', 'The file is empty.', file, START)] };
  }
  const lineCounter = countLines(source);
  // logLevel 'error': yaml would otherwise warn through Node (a mapping used as a key is "stringified"),
  // and that warning would reach the user beside the finding that already says what is wrong.
  const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: false, strict: true, logLevel: 'error' });
  const locateIn = (path: readonly PathSegment[], at: 'key' | 'value' = 'value') => locateNode(doc, lineCounter, path, at);
  const fail = (findings: Finding[]): YamlSource => ({ file, value: undefined, locate: locateIn, findings });

  const errors = atOpenings(bounded(dedupe(doc.errors.map((e) => yamlErrorFinding(e, file, lineCounter, source))), file), doc, lineCounter, source);
  // A duplicate key leaves the data readable (the later value wins), so the checks go on and
  // report everything else in the same run; any other YAML error makes the data untrustworthy.
  if (errors.some((f) => f.rule !== 'yaml-duplicate-key')) return fail(errors);
  const deep = findTooDeep(doc.contents);
  if (deep) {
    return fail([finding('yaml-too-complex', `The data is nested more than ${MAX_DEPTH} levels deep.`, file, spanOf(deep, lineCounter))]);
  }
  try {
    return { file, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), locate: locateIn, findings: errors };
  } catch (error) {
    // toJS throws a ReferenceError for an alias with no anchor before it: a mistake in the file, not a bomb.
    const unresolved = error instanceof ReferenceError ? /^Unresolved alias\b[^:]*: (.*)$/.exec(error.message) : null;
    if (unresolved) {
      const name = unresolved[1]!;
      const message = `The alias \`*${name}\` refers to no anchor: define \`&${name}\` on a value above it, or write the value out.`;
      return fail([finding('yaml-syntax', message, file, aliasSpan(doc, name, lineCounter))]);
    }
    // toJS throws a ReferenceError for an alias bomb, and can overflow on self-referencing aliases.
    const message = error instanceof ReferenceError && /alias/i.test(error.message)
      ? `The file uses aliases (*name) so heavily that reading it would explode in size (more than ${MAX_ALIAS_COUNT} expansions).`
      : 'The file could not be read: its aliases refer to each other in a loop or expand too far.';
    return fail([finding('yaml-too-complex', message, file, START)]);
  }
}

/** Where the first alias `*name` is, for a finding about it. */
function aliasSpan(doc: Document.Parsed, name: string, lc: LineCounter): Span {
  let found: Alias | undefined;
  visit(doc, {
    Alias(_, node) {
      if (node.source !== name) return undefined;
      found = node;
      return visit.BREAK;
    },
  });
  return found ? spanOf(found, lc) : START;
}

/**
 * Line starts taken from the text itself rather than from yaml's parser: after a syntax error, the
 * parser skips the line breaks inside tokens it cannot place (a plain scalar running over two lines),
 * which would shift the line and column of every later finding.
 */
function countLines(text: string): LineCounter {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  return lineCounter;
}

function isOnlyComments(text: string): boolean {
  return text.split(/\r?\n/).every((line) => /^\s*(#.*)?$/.test(line) || /^\s*(---|\.\.\.)\s*$/.test(line));
}

/** Messages of yaml's most common errors, said for people; others keep yaml's first line. */
const FRIENDLY: Record<string, string> = {
  TAB_AS_INDENT: 'Tabs cannot be used to indent YAML; use spaces.',
  BAD_INDENT: 'The indentation here does not line up with the lines around it.',
  MULTILINE_IMPLICIT_KEY: 'A key must fit on one line; is a `:` missing or a quote left open?',
  RESOURCE_EXHAUSTION: `The data is nested too deeply (more than a YAML file of this kind could need).`,
  MULTIPLE_DOCS: 'The file holds more than one YAML document (`---`); keep one per file.',
};

/** yaml's message for a `[` or `{` that is never closed (at the top level, or inside a block mapping). */
const UNCLOSED_FLOW = /^Flow (sequence|map) (?:in block collection )?must (?:be sufficiently indented and )?end with a ([\]}])$/;

/**
 * A message quotes at most this much of the file: yaml's "Unexpected … token" quotes the whole rest
 * of the document, which for a file that is not YAML (a README, a bundle) is most of it.
 */
const MAX_QUOTE = 40;
const MAX_MESSAGE = 200;

function yamlErrorFinding(error: YAMLError, file: string, lc: LineCounter, text: string): Finding {
  // An error at the end of the input (a `[` or a quote never closed) would point one line past the
  // last when the text ends with a line break: it belongs to the last character.
  const [start, end] = error.pos.map((offset) => Math.min(offset, lastCharacter(text))) as [number, number];
  const span = toSpan(start, end, lc);
  if (error.code === 'DUPLICATE_KEY') {
    // yaml points at the start of the repeated key; the key runs to its colon.
    const key = /^([^:\n]{1,60}):/.exec(text.slice(start, start + 64))?.[1]?.trim();
    const named = key ? `\`${key}\`` : 'This key';
    return finding('yaml-duplicate-key', `${named} appears twice in the same mapping; YAML would silently keep only one value.`, file, span);
  }
  if (error.code === 'RESOURCE_EXHAUSTION') return finding('yaml-too-complex', FRIENDLY[error.code]!, file, span);
  const unclosed = UNCLOSED_FLOW.exec(error.message.split('\n')[0]!.trim());
  if (unclosed) {
    const [open, close, what] = unclosed[2] === '}' ? ['{', '}', 'mapping'] : ['[', ']', 'list'];
    const message = `This \`${open}\` is never closed: end the ${what} with \`${close}\`, and indent every line it runs on further than its key.`;
    // Pointed at its opening bracket later (atOpenings); until then, where yaml gave up.
    return { ...finding('yaml-syntax', message, file, span), [UNCLOSED]: { open, at: error.pos[0] } } as Finding;
  }
  if (error.code === 'MISSING_CHAR' && /^Missing closing ['"]quote/.test(error.message)) {
    const quote = error.message.includes("'quote") ? "'" : '"';
    return finding('yaml-syntax', `A quoted text is never closed: end it with \`${quote}\`.`, file, span);
  }
  const message = FRIENDLY[error.code] ?? bound(`${firstLine(error.message)}.`.replace(/\.\.$/, '.'));
  return finding('yaml-syntax', message, file, span);
}

/** The offset of the last character that is not a line break (0 for an empty text). */
function lastCharacter(text: string): number {
  return Math.max(0, text.replace(/[\r\n]+$/, '').length - 1);
}

const UNCLOSED = Symbol('unclosed flow collection');
type Unclosed = Finding & { [UNCLOSED]?: { open: string; at: number } };

/**
 * A flow collection never closed is pointed at its opening bracket: the innermost flow collection
 * of that bracket that runs to where yaml gave up. One walk of the document, without recursion
 * (the collections can be nested thousands deep), for the few findings that are kept.
 */
function atOpenings(findings: Finding[], doc: Document.Parsed, lc: LineCounter, text: string): Finding[] {
  const wanted = findings.filter((f): f is Unclosed & { [UNCLOSED]: { open: string; at: number } } => (f as Unclosed)[UNCLOSED] !== undefined);
  if (wanted.length === 0) return findings;
  const openings = new Map<Finding, number>();
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isMap(node) && !isSeq(node)) continue;
    const range = node.range;
    if (node.flow && range) {
      for (const f of wanted) {
        const { open, at } = f[UNCLOSED];
        if (range[0] > at || range[1] < Math.min(at, text.length) || text[range[0]] !== open) continue;
        if ((openings.get(f) ?? -1) < range[0]) openings.set(f, range[0]);
      }
    }
    for (const child of node.items) stack.push(isPair(child) ? child.value : child);
  }
  return findings.map((f) => {
    const { [UNCLOSED]: _, ...plain } = f as Unclosed;
    const start = openings.get(f);
    return start === undefined ? plain : { ...plain, ...toSpan(start, start + 1, lc) };
  });
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}

/** A message with its quotation of the file cut short, and no longer than MAX_MESSAGE in any case. */
function bound(message: string): string {
  const quoted = message.replace(/: "((?:[^"\\]|\\.)*)"\.$/, (whole, excerpt: string) => {
    if (excerpt.length <= MAX_QUOTE) return whole;
    return `: "${excerpt.slice(0, MAX_QUOTE).replace(/\\[^"]?$/, '')}…".`;
  });
  return quoted.length <= MAX_MESSAGE ? quoted : `${quoted.slice(0, MAX_MESSAGE - 1)}…`;
}

/**
 * After this many syntax errors the rest are echoes of the first (a file that is not YAML gives
 * one per token, hundreds of lines): they are counted in one last finding instead.
 */
const MAX_SYNTAX_FINDINGS = 10;

function bounded(findings: Finding[], file: string): Finding[] {
  if (findings.length <= MAX_SYNTAX_FINDINGS + 1) return findings;
  const rest = findings.slice(MAX_SYNTAX_FINDINGS);
  const next = rest[0]!;
  const message = `And ${rest.length} more YAML errors from here to the end of the file; is it a rubric, answers or configuration file at all?`;
  return [...findings.slice(0, MAX_SYNTAX_FINDINGS), finding('yaml-syntax', message, file, { line: next.line, column: next.column })];
}

/** yaml reports some problems once per token; one finding per place is enough. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.rule}:${f.line}:${f.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function findTooDeep(root: unknown): Node | undefined {
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) return node as Node;
    if (isMap(node) || isSeq(node)) {
      for (const child of node.items) {
        if (isPair(child)) stack.push([child.value, depth + 1]);
        else stack.push([child, depth + 1]);
      }
    }
  }
  return undefined;
}

function toSpan(start: number, end: number, lc: LineCounter): Span {
  const a = lc.linePos(start);
  const b = lc.linePos(Math.max(start, end));
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

function spanOf(node: Node, lc: LineCounter): Span {
  const range = node.range;
  return range ? toSpan(range[0], range[1], lc) : START;
}

/** YamlSource.locate over a parsed document (for a missing key, the mapping that lacks it). */
function locateNode(doc: Document.Parsed, lineCounter: LineCounter, path: readonly PathSegment[], at: 'key' | 'value'): Span {
  let node: unknown = doc.contents;
  let span: Span = isNodeWithRange(node) ? spanOf(node, lineCounter) : START;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      // The last of two equal keys, whose value is the one the data holds (see the duplicate-key finding).
      const pair = node.items.findLast((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return span;
      const keyNode = pair.key as Node;
      if (last && at === 'key') return spanOf(keyNode, lineCounter);
      node = pair.value;
      // A key with no value (`weight:`) has no value node to point at: use the key.
      span = isNodeWithRange(node) ? spanOf(node, lineCounter) : spanOf(keyNode, lineCounter);
    } else if (isSeq(node)) {
      const child = node.items[Number(segment)];
      if (!isNodeWithRange(child)) return span;
      node = child;
      span = spanOf(child, lineCounter);
    } else {
      return span;
    }
  }
  return span;
}

function isNodeWithRange(node: unknown): node is Node {
  return typeof node === 'object' && node !== null && 'range' in node && Array.isArray((node as Node).range);
}
