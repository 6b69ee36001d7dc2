/**
 * The names of the configuration file (docs/configuration.md), in the order they are looked for
 * within one folder; a `svcaudit` key in package.json comes after them.
 */
export const CONFIG_FILE_NAMES = ['svcaudit.config.yaml', '.svcauditrc.yaml'] as const;

/** Whether a path names a configuration file, by its last segment. */
export function isConfigFileName(path: string): boolean {
  const name = path.split(/[\\/]/).pop() ?? '';
  return (CONFIG_FILE_NAMES as readonly string[]).includes(name);
}
