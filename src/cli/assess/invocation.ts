/**
 * How this run of svcaudit was started, as the words a person types to start
 * it again: `svcaudit`, `npx svcaudit`, `node ./bin/svcaudit.cjs`. The resume
 * and re-score commands `assess` prints begin with them; a plain `svcaudit`
 * fails with "command not found" for anyone who ran `npx svcaudit` or a
 * checkout's `node bin/svcaudit.cjs`.
 *
 * Read from what Node and the package managers leave behind: the script node
 * ran (process.argv[1]), `npm_command`, `npm_lifecycle_event`,
 * `npm_config_user_agent` and `npm_execpath` (set by npm, pnpm, yarn and bun
 * for `exec`, `dlx` and scripts), and whether the `svcaudit` found on PATH is
 * that same script. Paths are quoted for a POSIX shell.
 */
import { accessSync, constants, realpathSync } from 'node:fs';
import { delimiter, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { shellQuote } from './out-file.js';

interface Launch {
  /** The script node was started with (process.argv[1]); undefined in tests that run the CLI in memory. */
  readonly script: string | undefined;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

const NAME = 'svcaudit';

/** The command that starts svcaudit the way this run was started. */
export function launchCommand(launch: Launch, onPath: (name: string, env: NodeJS.ProcessEnv) => string | undefined = findOnPath): string {
  const { script, env, cwd } = launch;
  if (script === undefined) return NAME;
  // A package manager ran the bin it installed (`npx svcaudit`, `npm exec`, a package.json script): the
  // bin's folder is on PATH only inside that run, so the same package manager must start it again.
  if (isPackageBin(script) && startedByPackageManager(env)) return packageManagerCommand(env);
  const real = realPath(script);
  const found = onPath(NAME, env);
  if (found !== undefined && real !== undefined && found === real) return NAME;
  const shown = shellQuote(shownPath(script, cwd));
  // A script file needs node in front of it; a bin (an executable with a #! line) runs as it is.
  return /\.[cm]?js$/i.test(script) ? `node ${shown}` : shown;
}

/** Inside a `node_modules/.bin` folder, or the installed package's own `bin/` (Windows shims point there). */
function isPackageBin(script: string): boolean {
  const parts = script.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  return at >= 0 && (parts[at + 1] === '.bin' || parts[at + 1] === NAME);
}

function startedByPackageManager(env: NodeJS.ProcessEnv): boolean {
  return [env.npm_command, env.npm_lifecycle_event, env.npm_config_user_agent, env.npm_execpath].some((value) => value !== undefined);
}

/**
 * `npx svcaudit`, or the same for the package manager named by its user agent (`pnpm/9.1.0 npm/? node/v20 …`),
 * else by the path of its own script (`npm_execpath`: `…/pnpm.cjs`, `…/yarn.js`, `…/npm-cli.js`).
 */
function packageManagerCommand(env: NodeJS.ProcessEnv): string {
  const named = (env.npm_config_user_agent ?? '').split('/')[0];
  const agent = named !== '' ? named : (/(pnpm|yarn|bun)[^\\/]*$/i.exec(env.npm_execpath ?? '')?.[1] ?? 'npm').toLowerCase();
  const temporary = env.npm_command === 'dlx';
  switch (agent) {
    case 'pnpm':
      return temporary ? `pnpm dlx ${NAME}` : `pnpm exec ${NAME}`;
    case 'yarn':
      return temporary ? `yarn dlx ${NAME}` : `yarn ${NAME}`;
    case 'bun':
      return `bunx ${NAME}`;
    default:
      return `npx ${NAME}`;
  }
}

/**
 * A path as the person can type it in the folder they started in: relative (`./bin/svcaudit.cjs`) when inside
 * it, else absolute.
 */
function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return path;
  return rel.includes(sep) ? rel : `.${sep}${rel}`;
}

/**
 * Whether svcaudit runs in another folder than the one the person typed in: a package.json script runs in the
 * package's folder, and npm says where it was started in INIT_CWD. Paths in printed commands are then absolute.
 */
export function startedElsewhere(launch: Launch): boolean {
  const { script, env, cwd } = launch;
  if (script === undefined || !isPackageBin(script) || !startedByPackageManager(env)) return false;
  return env.INIT_CWD !== undefined && env.INIT_CWD !== '' && resolve(env.INIT_CWD) !== resolve(cwd);
}

/** The real path of the first executable `name` on PATH. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const folder of (env.PATH ?? '').split(delimiter)) {
    if (folder === '') continue;
    const candidate = join(folder, name);
    try {
      accessSync(candidate, constants.X_OK);
    } catch {
      continue;
    }
    const real = realPath(candidate);
    if (real !== undefined) return real;
  }
  return undefined;
}

function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
