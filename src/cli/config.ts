/**
 * The configuration file applied to the options of a command (docs/configuration.md). A value the
 * file sets takes the place of the option's default; an option given on the command line wins
 * (commander keeps where each value came from: 'cli', 'config', 'default'). Paths in the file are
 * relative to its folder and are handed on relative to the working folder. `map`, which no command
 * line has yet, is accepted by the schema and not applied; `organisation` goes to report headers.
 */
import { resolve } from 'node:path';
import type { Command } from '@commander-js/extra-typings';
import { configPath, loadConfig, type Config } from '../app/config.js';
import { isSvcauditError } from '../core/errors.js';
import type { FileFindings } from '../core/file-findings.js';
import type { IgnorePatterns } from '../inputs/expand-inputs.js';
import type { RawConfig } from '../rubric/raw-types.js';
import { isPathReference } from '../rubric/load-rubric.js';
import type { CliContext } from './context.js';

interface Setting {
  /** The option's attribute name (`failUnder` for `--fail-under`). */
  readonly option: string;
  readonly value: (config: RawConfig) => unknown;
}

const RUBRIC: Setting = { option: 'rubric', value: (c) => c.rubric };

/** The commands that read the configuration, and which option each key of it sets. */
const SETTINGS: Readonly<Record<string, readonly Setting[]>> = {
  score: [
    RUBRIC,
    { option: 'format', value: (c) => c.score?.format },
    { option: 'by', value: (c) => c.score?.by },
    { option: 'perceptionGap', value: (c) => c.score?.['perception-gap'] },
    { option: 'failUnder', value: (c) => c.score?.['fail-under'] },
    { option: 'minGroup', value: (c) => c.score?.['min-group'] },
    { option: 'attribution', value: (c) => c.score?.attribution },
    { option: 'capacity', value: (c) => c.score?.capacity },
  ],
  validate: [
    RUBRIC,
    // One format, or several: the list repeated `--format` flags give.
    { option: 'format', value: (c) => (c.validate?.format === undefined ? undefined : [c.validate.format].flat()) },
    { option: 'maxWarnings', value: (c) => c.validate?.['max-warnings'] },
  ],
  compare: [
    RUBRIC,
    { option: 'format', value: (c) => c.compare?.format },
    { option: 'by', value: (c) => c.compare?.by },
    { option: 'minGroup', value: (c) => c.compare?.['min-group'] },
  ],
  assess: [RUBRIC],
  template: [RUBRIC],
};

interface Applied {
  readonly config: Config | undefined;
  /** `validate`: a configuration file with errors, reported among the files checked rather than stopping the run. */
  readonly broken: FileFindings | undefined;
}

const applied = new WeakMap<CliContext, Applied>();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- commands of every argument and option type
type AnyCommand = Command<any, any, any>;

/** Looks for the configuration (only for the commands that read one) and sets the options it names. */
export async function applyConfig(command: AnyCommand, ctx: CliContext): Promise<void> {
  const settings = SETTINGS[command.name()];
  if (settings === undefined) return;
  let config: Config | undefined;
  try {
    config = await loadConfig(ctx.cwd);
  } catch (error) {
    // `validate` reports the file's findings as it reports any file's; every other command stops.
    const files = isSvcauditError(error) ? error.files : [];
    if (command.name() !== 'validate' || files.length !== 1) throw error;
    applied.set(ctx, { config: undefined, broken: files[0] });
    return;
  }
  applied.set(ctx, { config, broken: undefined });
  if (config === undefined) return;
  for (const setting of settings) {
    const value = setting.value(config.value);
    if (value === undefined || command.getOptionValueSource(setting.option) === 'cli') continue;
    command.setOptionValueWithSource(setting.option, setting.option === 'rubric' ? rubricRef(config, ctx, value as string) : value, 'config');
  }
}

/** A rubric file is relative to the configuration's folder; a built-in id stays as it is. */
function rubricRef(config: Config, ctx: CliContext, ref: string): string {
  return isPathReference(ref) ? configPath(config, ctx.cwd, ref) : ref;
}

/** The configuration's `ignore`, for folder and glob expansion. */
export function ignoreOf(ctx: CliContext): IgnorePatterns | undefined {
  const config = applied.get(ctx)?.config;
  const patterns = config?.value.ignore;
  return config && patterns ? { base: config.dir, patterns } : undefined;
}

/** The configuration's `organisation`, for report headers. */
export function organisationOf(ctx: CliContext): string | undefined {
  return applied.get(ctx)?.config?.value.organisation ?? undefined;
}

/**
 * The configuration file this run read (or found broken), as a path from the working folder: an
 * input like any other, which `--output` must never replace.
 */
export function configFileOf(ctx: CliContext): string | undefined {
  const state = applied.get(ctx);
  const file = state?.config?.file ?? state?.broken?.file;
  return file === undefined ? undefined : resolve(ctx.cwd, file);
}

/** `validate`: the configuration file in use, when it has errors. */
export function brokenConfig(ctx: CliContext): FileFindings | undefined {
  return applied.get(ctx)?.broken;
}
