/**
 * The fast path for clean files. Reading YAML with `yaml`'s full document
 * model (needed to point findings at lines and columns) costs more than the
 * whole rest of a `validate` run on a fresh Node 20 process. Most files in a
 * CI run are clean, and a clean file needs no positions, so files are first
 * read by plain-yaml.ts (a line-by-line reader of plain block YAML) and
 * checked on that data. Only when a check finds anything, or the text uses
 * a construct that reader leaves alone, is the file read with `yaml`, and
 * the findings come from that reading alone.
 *
 * The invariant, held by a differential property test: whenever this path
 * reports a file clean, the full path reports it clean with the same data.
 */
import { finding } from '../core/finding.js';
import { isMapping } from '../core/is-mapping.js';
import { readPlainYaml } from './plain-yaml.js';
import { START, type YamlSource } from '../core/source.js';

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
  const value = readPlainYaml(text);
  // Anything but a mapping at the top is a finding, and findings come from the full reader.
  if (!isMapping(value)) return undefined;
  // No positions: `locate` answers 1:1, which is never reported, since any finding sends the file to the full reader.
  return { file, value, locate: () => START, findings: [] };
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
