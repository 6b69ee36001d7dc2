/**
 * The fast path for clean files. Reading YAML with `yaml`'s full document
 * model (needed to point findings at lines and columns) costs more than the
 * whole rest of a `validate` run on a fresh Node 20 process. Most files in a
 * CI run are clean, and a clean file needs no positions, so files are first
 * read with js-yaml (several times faster to load and run) and checked on
 * that data. Only when a check finds anything, or the text uses a construct
 * where the two parsers could disagree, is the file read again with `yaml`,
 * and the findings come from that reading alone.
 *
 * The invariant, held by a differential property test: whenever this path
 * reports a file clean, the full path reports it clean with the same data.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { finding } from './finding.js';
import { MAX_DEPTH, START, type YamlSource } from './source.js';

/**
 * Constructs left to the full reader: anchors and aliases (alias bombs), tags, directives, tabs,
 * a comment glued to a closing quote (`"x"#`, which js-yaml accepts), several documents.
 */
const NEEDS_FULL_READER = /(^|[\s[{,])[&*!]\S|^%|\t|["']#|^(---|\.\.\.)\s*\S*[\s\S]*^(---|\.\.\.)/m;
/**
 * The built-in rubric is 35 kB; no rubric or answers file comes near 2 MB.
 * Larger YAML would take the full reader seconds, so it is refused at once.
 */
export const MAX_TEXT_LENGTH = 2_000_000;

function tooLarge(text: string, file: string): YamlSource {
  const size = `${(text.length / 1e6).toFixed(1)} MB`;
  const message = `The file is ${size}, far larger than a rubric or answers file needs (at most 2 MB). For many respondents, use one file each or a CSV export.`;
  return { file, value: undefined, locate: () => START, findings: [finding('yaml-too-complex', message, file, START)] };
}

/** The data of a file, without positions; undefined whenever the full reader should decide. */
export function quickSource(text: string, file: string): YamlSource | undefined {
  if (NEEDS_FULL_READER.test(text) || hasMultiLineQuotedScalar(text)) return undefined;
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA, filename: file });
  } catch {
    return undefined;
  }
  if (value === null || value === undefined || !isPlainData(value)) return undefined;
  // No positions: `locate` answers 1:1, which is never reported, since any finding sends the file to the full reader.
  return { file, value, locate: () => START, findings: [] };
}

/**
 * Text that is a number in some YAML schema (`1e400`, `0x1F`, `1_000`, `.5`): the two
 * readers' core schemas resolve some such plain scalars differently (a string
 * for one, a number for the other), so their value alone cannot be trusted.
 */
const NUMBER_LIKE =
  /^[-+]?(?:[0-9_]+(?:\.[0-9_]*)?(?:e[-+]?[0-9]+)?|\.[0-9_]+(?:e[-+]?[0-9]+)?|0x[0-9a-f_]+|0o[0-7_]+|0b[01_]+|\.inf|\.nan|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?)$/i;

/** Within the depth limit, and free of strings whose type the two readers could disagree on. */
function isPlainData(root: unknown): boolean {
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) return false;
    if (typeof node === 'string' && NUMBER_LIKE.test(node)) return false;
    if (typeof node === 'object' && node !== null) {
      for (const child of Object.values(node)) stack.push([child, depth + 1]);
    }
  }
  return true;
}

/**
 * A quoted scalar that runs onto the next line: js-yaml accepts continuation
 * lines that the YAML spec (and the full reader) rejects for their indentation.
 */
function hasMultiLineQuotedScalar(text: string): boolean {
  for (const line of text.split('\n')) {
    const open = /(?:^\s*-\s+|:\s+|^\s*)(["'])/.exec(line);
    if (!open) continue;
    const rest = line.slice(open.index + open[0].length);
    const closed = open[1] === '"' ? /(^|[^\\])(\\\\)*"/.test(rest) || rest.startsWith('"') : rest.replace(/''/g, '').includes("'");
    if (!closed) return true;
  }
  return false;
}

/**
 * Runs `check` on the fast reading, and again on the full reading (loaded
 * only then) when the fast one is not possible or the check finds anything.
 */
export async function checkYamlText<T extends { readonly findings: readonly unknown[] }>(
  text: string,
  file: string,
  check: (source: YamlSource) => T | Promise<T>,
): Promise<T> {
  if (text.length > MAX_TEXT_LENGTH) return check(tooLarge(text, file));
  const quick = quickSource(text, file);
  if (quick) {
    const result = await check(quick);
    if (result.findings.length === 0) return result;
  }
  const { parseYaml } = await import('./yaml-source.js');
  return check(parseYaml(text, file));
}
