/**
 * Pre-reads the built-in rubrics for the bundle (src/rubric/pre-read.ts): each file in rubrics/
 * read and checked as any rubric is, its model written to dist/rubrics/<id>.json beside the text
 * it was made from. A rubric with any finding, or a model that the file's JSON would not give back
 * exactly, is left out (and read as it is on every run). Bundled and run by scripts/build.mjs.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { checkRubricText } from '../src/rubric/check-rubric.js';
import { preReadText, readPreRead } from '../src/rubric/pre-read.js';

/** Writes the pre-read rubrics into `<root>/dist/rubrics`; returns the ids written and those left out, with why. */
export async function preReadRubrics(root: string): Promise<{ readonly written: string[]; readonly left: string[] }> {
  const out = join(root, 'dist', 'rubrics');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const written: string[] = [];
  const left: string[] = [];
  for (const file of readdirSync(join(root, 'rubrics')).filter((f) => f.endsWith('.yaml')).sort()) {
    const id = basename(file, '.yaml');
    const bytes = readFileSync(join(root, 'rubrics', file));
    const checked = await checkRubricText(bytes, join(root, 'rubrics', file), `builtin:${id}`);
    if (checked.value === undefined || checked.findings.length > 0) {
      left.push(`${id}: ${checked.findings.length} finding(s)`);
      continue;
    }
    const json = preReadText(bytes.toString('utf8'), checked.value);
    const back = readPreRead(json);
    if (!Buffer.from(back.text, 'utf8').equals(bytes) || !isDeepStrictEqual(back.rubric, checked.value)) {
      left.push(`${id}: its model does not come back exactly from JSON`);
      continue;
    }
    writeFileSync(join(out, `${id}.json`), json);
    written.push(id);
  }
  return { written, left };
}
