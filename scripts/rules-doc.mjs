/**
 * Writes docs/rules.md from src/rubric/rules.ts and tests/fixtures/rules/
 * (see scripts/rules-doc.ts, which does the rendering).
 *
 *   node scripts/rules-doc.mjs           write the page
 *   node scripts/rules-doc.mjs --check   exit 1 when the committed page is out of date
 *
 * scripts/rules-doc.ts is TypeScript, so it is bundled with esbuild first, into
 * node_modules/.cache (where the bundle still finds the packages and svcaudit's
 * own folder, as the sources do).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = `${root}node_modules/.cache/svcaudit-rules-doc/rules-doc.mjs`;
await mkdir(`${root}node_modules/.cache/svcaudit-rules-doc`, { recursive: true });
await build({
  entryPoints: [`${root}scripts/rules-doc.ts`],
  absWorkingDir: root,
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const { renderRulesDoc, RULES_DOC } = await import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
const page = await renderRulesDoc(root);
const path = `${root}${RULES_DOC}`;

if (process.argv.includes('--check')) {
  const committed = await readFile(path, 'utf8').catch(() => '');
  if (committed !== page) {
    process.stderr.write(`${RULES_DOC} is out of date: run \`npm run docs:rules\` and commit the result.\n`);
    process.exitCode = 1;
  }
} else {
  await writeFile(path, page);
  process.stderr.write(`Wrote ${RULES_DOC}\n`);
}
