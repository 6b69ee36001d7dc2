/**
 * Where `svcaudit assess` saves, and whether it may: the dated default name,
 * the guard that never overwrites a file without `--resume` or `--force`, and
 * the exact command that picks up where an interrupted session stopped.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { SvcauditError } from '../../core/errors.js';
import { DEFAULT_RUBRIC } from '../../rubric/default.js';

export interface OutFile {
  /** Absolute path, for reading and writing. */
  readonly path: string;
  /** As shown to the user and put in the resume command: relative to the current folder when inside it. */
  readonly shown: string;
}

/** `new`: no file yet; `resume`: continue it; `fresh`: `--resume` found no file; `overwrite`: `--force` on an existing file. */
export type StartMode = 'new' | 'resume' | 'fresh' | 'overwrite';

export function resolveOutFile(out: string | undefined, cwd: string, date: string): OutFile {
  const given = out ?? `svcaudit-answers-${date}.yaml`;
  // `score` and `validate` pick answers out of folders by these extensions, so the file must carry one.
  if (!/\.ya?ml$/i.test(given)) {
    throw new SvcauditError('usage', 'The answers file must end in .yaml or .yml, so that `svcaudit score` and `validate` recognise it.', { file: given });
  }
  const path = resolve(cwd, given);
  const rel = relative(cwd, path);
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  return { path, shown: inside ? (rel.includes(sep) ? rel : `./${rel}`) : path };
}

/**
 * Decides how the session starts; refuses to overwrite an existing file unless told which way to go.
 * `resume`: the command that continues the file, for the refusal to name.
 */
export function startMode(out: OutFile, flags: { resume?: boolean; force?: boolean }, resume: string, exists: (path: string) => boolean = existsSync): StartMode {
  if (flags.resume && flags.force) {
    throw new SvcauditError('usage', '--resume continues the file and --force starts it again: give one of them, not both.');
  }
  if (!exists(out.path)) return flags.resume ? 'fresh' : 'new';
  if (isFolder(out.path)) throw new SvcauditError('usage', 'This is a folder; --out takes the path of an answers file.', { file: out.shown });
  if (flags.resume) return 'resume';
  if (flags.force) return 'overwrite';
  throw new SvcauditError(
    'would-overwrite',
    `The file already exists. To continue it, add --resume (\`${resume}\`); to replace it with a new assessment, add --force; or choose another file with --out.`,
    { file: out.shown },
  );
}

/** Fails before the first question rather than after the first answer when the file cannot be saved at all. */
export function checkFolderWritable(out: OutFile): void {
  const folder = dirname(out.path);
  try {
    accessSync(folder, constants.W_OK);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new SvcauditError(
      'file-unwritable',
      missing ? `The folder ${folder} does not exist; create it or choose another --out.` : `The folder ${folder} is not writable; choose another --out.`,
      { file: out.shown },
      { cause: error },
    );
  }
}

/** What the printed commands repeat of this run. */
export interface RunAgain {
  /** How svcaudit was started (invocation.ts): `svcaudit`, `npx svcaudit`, `node ./bin/svcaudit.cjs`. */
  readonly cli: string;
  /** `--rubric` as given; repeated when it is not the default. */
  readonly rubric?: string | undefined;
  /** `--role` as given: a resumed session must ask the same items. */
  readonly role?: string | undefined;
  /** The file's absolute path rather than the one relative to this folder (the person typed in another one). */
  readonly absolute?: boolean | undefined;
}

/** The command that continues this session. */
export function resumeCommand(out: OutFile, again: RunAgain): string {
  const role = again.role !== undefined ? ` --role ${shellQuote(again.role)}` : '';
  return `${again.cli} assess${rubricFlag(again)}${role} --out ${shellQuote(filePath(out, again))} --resume`;
}

/** The command that prints the report of this file again. */
export function scoreCommand(out: OutFile, again: RunAgain): string {
  return `${again.cli} score ${shellQuote(filePath(out, again))}${rubricFlag(again)}`;
}

function rubricFlag({ rubric }: RunAgain): string {
  return rubric !== undefined && rubric !== DEFAULT_RUBRIC ? ` --rubric ${shellQuote(rubric)}` : '';
}

function filePath(out: OutFile, { absolute }: RunAgain): string {
  return absolute ? out.path : out.shown;
}

/** Quotes for a POSIX shell only when needed, so the usual path stays easy to read and copy. */
export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
