import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The folder of svcaudit's package.json. The code runs from `src/` in tests
 * and from bundled chunks in `dist/` when installed, at different depths, so
 * the built-in rubrics are found by walking up rather than by a fixed path.
 */
export function packageRoot(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'rubrics'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('svcaudit: cannot find its own package folder');
    dir = parent;
  }
  cached = dir;
  return dir;
}
