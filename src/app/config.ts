/**
 * The configuration file (docs/configuration.md): found in the working folder or the nearest one
 * above it, stopping at a folder that holds `.git` (the top of a repository) or at the root; within
 * one folder, svcaudit.config.yaml, else .svcauditrc.yaml, else the `svcaudit` key of package.json.
 * Every run of score, validate and compare looks, so the search costs a few stat calls per folder
 * and reads nothing but a package.json; the file found is checked like any other (check-config.ts).
 */
import { statSync, type Stats } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { CONFIG_FILE_NAMES } from '../core/config-files.js';
import { SvcauditError } from '../core/errors.js';
import type { FileFindings } from '../core/file-findings.js';
import { compareFindings, firstError } from '../core/finding.js';
import { MAX_TEXT_BYTES, utf8Text } from '../core/io/decode-text.js';
import { fileError, readBytes } from '../core/io/read-input.js';
import type { RawConfig } from '../rubric/raw-types.js';

export interface Config {
  /** The file as messages name it: relative to the working folder. */
  readonly file: string;
  /** The folder of the file, which the paths in it are relative to (as given, or absolute). */
  readonly dir: string;
  readonly value: RawConfig;
}

type Found = { path: string; packageJson?: { text: string; value: unknown } };

/** The configuration that applies in `cwd`, if any; a configuration with errors throws, with its findings. */
export async function loadConfig(cwd: string): Promise<Config | undefined> {
  const found = await findConfig(cwd);
  if (found === undefined) return undefined;
  const file = relative(cwd, found.path) || found.path;
  const { checkConfigBytes, checkPackageConfig } = await import('../rubric/check-config.js');
  const checked = found.packageJson
    ? await checkPackageConfig(found.packageJson.value, found.packageJson.text, file)
    : await checkConfigBytes(await readBytes(found.path, undefined, MAX_TEXT_BYTES), file);
  if (checked.value === undefined) throw configError(file, checked.findings);
  return { file, dir: dirname(found.path), value: checked.value };
}

async function findConfig(cwd: string): Promise<Found | undefined> {
  for (let dir = cwd; ; ) {
    for (const name of CONFIG_FILE_NAMES) {
      const path = join(dir, name);
      // Whatever is there under the name is read (a FIFO or a device is then refused in words), never passed over.
      if (exists(path)) return { path };
    }
    const pkg = await packageJsonConfig(join(dir, 'package.json'));
    if (pkg) return pkg;
    const parent = dirname(dir);
    if (parent === dir || exists(join(dir, '.git'))) return undefined;
    dir = parent;
  }
}

/**
 * A package.json with a `svcaudit` key; one that is not valid JSON is npm's to complain about, not
 * ours, and so is one past the limit of every JSON file (read no further than one byte past it).
 */
async function packageJsonConfig(path: string): Promise<Found | undefined> {
  if (!isFile(path)) return undefined;
  try {
    const bytes = await readBytes(path, undefined, MAX_TEXT_BYTES);
    if (bytes.byteLength > MAX_TEXT_BYTES) return undefined;
    const text = utf8Text(bytes);
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && Object.hasOwn(value, 'svcaudit')) return { path, packageJson: { text, value: (value as { svcaudit: unknown }).svcaudit } };
  } catch {
    // unreadable or not JSON
  }
  return undefined;
}

function configError(file: string, findings: FileFindings['findings']): SvcauditError {
  const sorted = [...findings].sort(compareFindings);
  const first = firstError(sorted);
  const more = sorted.length > 1 ? ` (and ${sorted.length - 1} more problem${sorted.length === 2 ? '' : 's'})` : '';
  const message = `The configuration file cannot be used: ${first?.message ?? 'it has errors.'}${more}`;
  return new SvcauditError('usage', message, first ? { file, line: first.line, column: first.column } : { file }, { files: [{ file, kind: 'config', findings: sorted }] });
}

/** A path in the configuration, relative to its folder, as a path from the working folder. */
export function configPath(config: Config, cwd: string, path: string): string {
  const from = relative(cwd, join(config.dir, path));
  return from === '' ? '.' : from.split(sep).join('/');
}

function isFile(path: string): boolean {
  return statOf(path)?.isFile() === true;
}

function exists(path: string): boolean {
  return statOf(path) !== undefined;
}

/** A path that cannot even be looked at (a symbolic link looping back on itself, a folder without permission) is said in words. */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    throw fileError(path, error);
  }
}
