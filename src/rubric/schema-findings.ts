/**
 * Turns ajv's errors into findings written for people: one finding per
 * problem (the branch noise of `anyOf` collapsed), pointing at the YAML node
 * (the key itself for an unknown key, the mapping for a missing one), with a
 * "did you mean" for misspelt keys and values.
 */
import type { ErrorObject } from 'ajv';
import { finding, type Finding } from '../core/finding.js';
import { didYouMean } from '../core/suggest.js';
import { locate, type PathSegment, type YamlSource } from '../core/source.js';
import { isMapping } from '../core/is-mapping.js';
import { excerpt } from '../core/inert-text.js';

type SchemaNode = Record<string, unknown>;

export function schemaFindings(errors: readonly ErrorObject[], schema: object, source: YamlSource): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const error of withoutBranchNoise(errors, source.value)) {
    const result = describe(error, schema as SchemaNode, source);
    if (!result) continue;
    const key = `${result.line}:${result.column}:${result.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(result);
  }
  return findings;
}

/**
 * For an `anyOf` that failed: when the value is a mapping, keep only the
 * errors of the mapping branch (they name the real problem, such as a
 * misspelt key); otherwise keep only the `anyOf` error itself, which is
 * reported with the schema's description of what is expected.
 */
function withoutBranchNoise(errors: readonly ErrorObject[], data: unknown): ErrorObject[] {
  const drop = new Set<ErrorObject>();
  for (const [at, error] of errors.entries()) {
    if (error.keyword !== 'anyOf') continue;
    const prefix = `${error.schemaPath}/`;
    const branches = new Map<string, ErrorObject[]>();
    // The same schema applies at many places (every answer), so match the place as well.
    const within = (e: ErrorObject) => e.instancePath === error.instancePath || e.instancePath.startsWith(`${error.instancePath}/`);
    // ajv (allErrors) writes the errors of an anyOf's branches just before the anyOf's own error,
    // so walking back from it while they belong to it finds them all; scanning every error for
    // every anyOf instead took minutes on a file with 10,000 wrong answers.
    for (let j = at - 1; j >= 0; j--) {
      const e = errors[j]!;
      if (!e.schemaPath.startsWith(prefix) || !within(e)) break;
      const branch = e.schemaPath.slice(prefix.length).split('/')[0]!;
      const list = branches.get(branch);
      if (list) list.push(e);
      else branches.set(branch, [e]);
    }
    // A branch that failed only because the value is of another type says nothing useful.
    const wrongType = (list: ErrorObject[]) =>
      list.length === 1 && list[0]!.instancePath === error.instancePath && ['type', 'const', 'enum'].includes(list[0]!.keyword);
    const telling = [...branches.values()].filter((list) => !wrongType(list));
    const value = valueAt(data, pointerSegments(error.instancePath));
    if (isMapping(value) && telling.length === 1) {
      // Keep the mapping branch's own errors (a misspelt key, say) instead of the summary.
      drop.add(error);
      for (const list of branches.values()) if (list !== telling[0]) list.forEach((e) => drop.add(e));
    } else {
      for (const list of branches.values()) list.forEach((e) => drop.add(e));
    }
  }
  // propertyNames repeats the inner pattern error, which carries the offending name.
  return errors.filter((e) => !drop.has(e) && e.keyword !== 'propertyNames');
}

function describe(error: ErrorObject, schema: SchemaNode, source: YamlSource): Finding | undefined {
  const path = pointerSegments(error.instancePath);
  const value = valueAt(source.value, path);
  // An entry of a list (`comments`, `evidence`, `look-for`) is named by its place in that list.
  const last = path[path.length - 1];
  const inList = typeof last === 'number' && typeof path[path.length - 2] === 'string';
  const where = placeOf(source.value, inList ? path.slice(0, -1) : path);
  const name = inList ? `Entry #${last + 1} of \`${excerpt(String(path[path.length - 2]))}\`` : path.length > 0 ? `\`${excerpt(String(last))}\`` : 'The file';
  const at = (segments: readonly PathSegment[], mode: 'key' | 'value' = 'value') => locate(source, segments, mode);
  const file = source.file;
  const params = error.params as Record<string, unknown>;

  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = allowedKeys(schemaAt(schema, path));
      const hint = didYouMean(key, allowed) || (allowed.length > 0 ? ` Allowed here: ${allowed.join(', ')}.` : '');
      return finding('schema-unknown-key', `${keyName(key, 'Unknown key')}${placeOf(source.value, [...path, key])}.${hint}`, file, at([...path, key], 'key'));
    }
    case 'required':
      return finding('schema-missing-key', `Missing \`${String(params.missingProperty)}\`${placeOf(source.value, [...path, String(params.missingProperty)])}.`, file, at(path));
    case 'type':
      return finding('schema-type', `${name}${where} must be ${typeName(String(params.type))}; found ${describeValue(value)}.`, file, at(path));
    case 'const':
      return finding('schema-value', `${name}${where} must be \`${String(params.allowedValue)}\`; found ${describeValue(value)}.`, file, at(path));
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const hint = typeof value === 'string' ? didYouMean(value, allowed) : '';
      return finding('schema-value', `${name}${where} must be one of ${allowed.join(', ')}; found ${describeValue(value)}.${hint}`, file, at(path));
    }
    case 'pattern': {
      const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
      if (propertyName !== undefined) {
        return finding('schema-value', `${keyName(propertyName, 'The key')}${where} is not a valid item id: ids are kebab-case, such as \`${excerpt(kebab(propertyName))}\`.`, file, at([...path, propertyName], 'key'));
      }
      if (params.pattern === '\\S') return finding('schema-value', `${name}${where} must not be empty.`, file, at(path));
      if (path[path.length - 1] === 'rubric') {
        return finding('schema-value', `${name} must be a rubric id, optionally with a version (\`service-commitments@1.0.0\`); found ${describeValue(value)}.`, file, at(path));
      }
      return finding('schema-value', `${name}${where} must be kebab-case (lowercase letters, digits and dashes, such as \`${excerpt(kebab(String(value)))}\`); found ${describeValue(value)}.`, file, at(path));
    }
    case 'minimum':
    case 'exclusiveMinimum':
      return finding('schema-value', `${name}${where} must be at least ${String(params.limit)}; found ${describeValue(value)}.`, file, at(path));
    case 'maximum':
    case 'exclusiveMaximum':
      return finding('schema-value', `${name}${where} must be at most ${String(params.limit)}; found ${describeValue(value)}.`, file, at(path));
    case 'minItems':
      return finding('schema-value', `${name}${where} must list at least ${String(params.limit)} entr${params.limit === 1 ? 'y' : 'ies'}.`, file, at(path));
    case 'maxItems':
      return finding('schema-value', `${name}${where} lists more than ${String(params.limit)} entries.`, file, at(path));
    case 'anyOf': {
      const expected = String(schemaAt(schema, path).description ?? 'another kind of value');
      // A quoted number (`"4"`) is text in YAML; say so rather than suggest `na`.
      const hint = typeof value !== 'string' ? '' : /^\s*[+-]?\d+(\.\d+)?\s*$/.test(value) ? ` Write the number without quotes: \`${excerpt(value.trim())}\`.` : didYouMean(value, ['na']);
      return finding('schema-type', `${name}${where} must be ${expected}; found ${describeValue(value)}.${hint}`, file, at(path));
    }
    default:
      return finding('schema-value', `${name}${where} ${error.message ?? 'is not valid'}.`, file, at(path));
  }
}

/**
 * A key as a message names it. YAML reads `null:` and `~:` (and `"":`) as the empty key, which a
 * message would otherwise show as two backticks with nothing between them.
 */
function keyName(key: string, noun: string): string {
  return key === '' ? `${noun} \`null\` (an empty key: YAML reads \`null:\`, \`~:\` and \`"":\` alike)` : `${noun} \`${excerpt(key)}\``;
}

function pointerSegments(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => {
    const raw = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(raw) ? Number(raw) : raw;
  });
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Object.hasOwn(node, segment) ? (node as Record<PathSegment, unknown>)[segment] : undefined;
  }
  return node;
}

/** " in section `commitments`, item `be-nice`": where a problem is, by ids rather than indexes. */
function placeOf(data: unknown, path: readonly PathSegment[]): string {
  if (path[0] === 'answers' && path.length >= 3) return ` in the answer for \`${excerpt(String(path[1]))}\``;
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (typeof segment !== 'number') continue;
    const container = String(path[i - 1] ?? '');
    const element = valueAt(data, path.slice(0, i + 1));
    const id = isMapping(element) && typeof element.id === 'string' ? `\`${excerpt(element.id)}\`` : `#${segment + 1}`;
    const noun = { sections: 'section', items: 'item', actions: 'action', 'look-for': 'look-for entry' }[container] ?? 'entry';
    parts.push(`${noun} ${id}`);
  }
  const parent = path.length >= 2 && typeof path[path.length - 1] === 'string' ? path[path.length - 2] : undefined;
  if (typeof parent === 'string') parts.push(`\`${excerpt(parent)}\``);
  return parts.length > 0 ? ` in ${parts.join(', ')}` : '';
}

/** Walks the schema along an instance path, following refs, items and the mapping branch of anyOf. */
function schemaAt(root: SchemaNode, path: readonly PathSegment[]): SchemaNode {
  let node = resolve(root, root);
  for (const segment of path) {
    node = resolve(root, objectBranch(resolve(root, node)));
    const properties = node.properties as Record<string, SchemaNode> | undefined;
    const patterns = node.patternProperties as Record<string, SchemaNode> | undefined;
    const pattern = patterns && Object.keys(patterns).find((p) => new RegExp(p).test(String(segment)));
    if (typeof segment === 'number' && node.items) node = node.items as SchemaNode;
    else if (properties && Object.hasOwn(properties, segment)) node = properties[segment]!;
    else if (pattern !== undefined) node = patterns![pattern]!;
    else if (typeof node.additionalProperties === 'object') node = node.additionalProperties as SchemaNode;
    else return {};
  }
  return resolve(root, node);
}

function resolve(root: SchemaNode, node: SchemaNode): SchemaNode {
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
  return (valueAt(root, pointerSegments(ref.slice(1))) as SchemaNode | undefined) ?? {};
}

function objectBranch(node: SchemaNode): SchemaNode {
  const branches = node.anyOf as SchemaNode[] | undefined;
  return branches?.find((b) => b.type === 'object') ?? node;
}

function allowedKeys(node: SchemaNode): string[] {
  return Object.keys((objectBranch(node).properties as object | undefined) ?? {});
}

function typeName(type: string): string {
  const names: Record<string, string> = {
    object: 'a mapping (`key: value` lines)',
    array: 'a list (`- ` lines)',
    string: 'text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    null: 'empty',
  };
  return type.split(',').map((t) => names[t] ?? t).join(' or ');
}

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `\`${excerpt(value, 40)}\``;
  return `\`${excerpt(String(value))}\``;
}

function kebab(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'be-nice';
}
