/**
 * Reads YAML text into plain data while keeping the document, so that any
 * later finding can point at the line and column of the node it is about.
 * Hostile input (binary data, alias bombs, deep nesting) ends in findings,
 * never in an exception or a hang.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type YAMLError } from 'yaml';
import { finding, type Finding, type Span } from './finding.js';

/** Deeper than any rubric or answers file needs; keeps recursion (ours, yaml's toJS, ajv's) bounded. */
const MAX_DEPTH = 64;
/** yaml's guard against billion-laughs documents (the default, stated here so it is deliberate). */
const MAX_ALIAS_COUNT = 100;

export interface YamlSource {
  readonly file: string;
  readonly doc: Document.Parsed | undefined;
  readonly lineCounter: LineCounter;
  /** The parsed data; undefined when the file could not be read as YAML. */
  readonly value: unknown;
  /** Problems that stop further checks (syntax, binary, too complex). */
  readonly findings: readonly Finding[];
}

export type PathSegment = string | number;

/** Turns raw bytes into text, or a finding when they are not UTF-8 text. */
export function decodeText(bytes: Uint8Array, file: string): { text: string } | { finding: Finding } {
  if (bytes.includes(0)) return { finding: finding('file-binary', 'This file holds binary data, not YAML text.', file, START) };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { finding: finding('file-binary', 'This file is not UTF-8 text.', file, START) };
  }
}

const START: Span = { line: 1, column: 1 };

export function parseYaml(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a byte-order mark is allowed
  if (source.trim() === '' || isOnlyComments(source)) {
    return { file, doc: undefined, lineCounter, value: undefined, findings: [finding('file-empty', 'The file is empty.', file, START)] };
  }
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const fail = (findings: Finding[]): YamlSource => ({ file, doc, lineCounter, value: undefined, findings });

  if (doc.errors.length > 0) return fail(dedupe(doc.errors.map((e) => yamlErrorFinding(e, file, lineCounter))));
  const deep = findTooDeep(doc.contents);
  if (deep) {
    return fail([finding('yaml-too-complex', `The data is nested more than ${MAX_DEPTH} levels deep.`, file, spanOf(deep, lineCounter))]);
  }
  try {
    return { file, doc, lineCounter, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), findings: [] };
  } catch (error) {
    // toJS throws a ReferenceError for an alias bomb, and can overflow on self-referencing aliases.
    const message = error instanceof ReferenceError && /alias/i.test(error.message)
      ? `The file uses aliases (*name) so heavily that reading it would explode in size (more than ${MAX_ALIAS_COUNT} expansions).`
      : 'The file could not be read: its aliases refer to each other in a loop or expand too far.';
    return fail([finding('yaml-too-complex', message, file, START)]);
  }
}

function isOnlyComments(text: string): boolean {
  return text.split(/\r?\n/).every((line) => /^\s*(#.*)?$/.test(line) || /^\s*(---|\.\.\.)\s*$/.test(line));
}

/** Messages of yaml's most common errors, said for people; others keep yaml's first line. */
const FRIENDLY: Record<string, string> = {
  TAB_AS_INDENT: 'Tabs cannot be used to indent YAML; use spaces.',
  BAD_INDENT: 'The indentation here does not line up with the lines around it.',
  MULTILINE_IMPLICIT_KEY: 'A key must fit on one line; is a `:` missing or a quote left open?',
  MISSING_CHAR: 'A closing character is missing (a quote, `]` or `}`).',
  RESOURCE_EXHAUSTION: `The data is nested too deeply (more than a YAML file of this kind could need).`,
  MULTIPLE_DOCS: 'The file holds more than one YAML document (`---`); keep one per file.',
};

function yamlErrorFinding(error: YAMLError, file: string, lc: LineCounter): Finding {
  const [start, end] = error.pos;
  const span = toSpan(start, end, lc);
  if (error.code === 'DUPLICATE_KEY') {
    return finding('yaml-duplicate-key', 'This key appears twice in the same mapping; YAML would silently keep only one value.', file, span);
  }
  if (error.code === 'RESOURCE_EXHAUSTION') return finding('yaml-too-complex', FRIENDLY[error.code]!, file, span);
  const message = FRIENDLY[error.code] ?? `${firstLine(error.message)}.`.replace(/\.\.$/, '.');
  return finding('yaml-syntax', message, file, span);
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
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

/**
 * The span of the node at `path` (a JSON-pointer path such as ajv gives).
 * `at: 'key'` points at the key of the last segment (for an unknown key);
 * when the path does not exist, the nearest existing ancestor is used (for a
 * missing key, the mapping that lacks it).
 */
export function locate(source: Pick<YamlSource, 'doc' | 'lineCounter'>, path: readonly PathSegment[], at: 'key' | 'value' = 'value'): Span {
  const { doc, lineCounter } = source;
  if (!doc) return START;
  let node: unknown = doc.contents;
  let span: Span = isNodeWithRange(node) ? spanOf(node, lineCounter) : START;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
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
