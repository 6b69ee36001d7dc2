/**
 * `svcaudit init`: the files a project starts with, in the working folder. Nothing is overwritten
 * without --force: when any of the files exists, none is written (exit 2, docs/exit-codes.md).
 */
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { SvcauditError } from '../../core/errors.js';
import type { Outcome } from '../../core/outcome.js';
import { configFileText, FIRST_ANSWERS, WORKFLOW, WORKFLOW_PATH } from '../../report/init/project-files.js';
import { formatTemplate } from '../../report/rubric/template.js';
import { DEFAULT_RUBRIC, loadRubric } from '../../rubric/load-rubric.js';
import { note, writeOutputFile, type CliContext } from '../context.js';
import { unbreakable } from '../terminal-text.js';
import type { InitFlags } from './init-flags.js';

export async function runInit(options: InitFlags, ctx: CliContext): Promise<Outcome> {
  const { rubric } = await loadRubric(DEFAULT_RUBRIC);
  const files: ReadonlyArray<readonly [string, string]> = [
    ['svcaudit.config.yaml', configFileText(DEFAULT_RUBRIC)],
    [FIRST_ANSWERS, formatTemplate(rubric, 'yaml')],
    [WORKFLOW_PATH, WORKFLOW],
  ];
  const existing = files.map(([path]) => path).filter((path) => lstatSync(join(ctx.cwd, path), { throwIfNoEntry: false }) !== undefined);
  if (existing.length > 0 && options.force !== true) {
    const these = existing.length === 1 ? 'It exists' : 'They exist';
    throw new SvcauditError('would-overwrite', `${these} already; nothing was written. Add --force to overwrite ${existing.length === 1 ? 'it' : 'them'}.`, { file: existing.join(', ') });
  }
  for (const [path, text] of files) {
    // Each file whole or not at all; without --force, a file that appeared since the check above is still not overwritten.
    writeOutputFile(join(ctx.cwd, path), text, { exclusive: options.force !== true, makeFolder: true, shownAs: path });
  }
  note(ctx, [
    `Wrote ${files.map(([path]) => path).join(', ')}.`,
    `Next: fill in ${FIRST_ANSWERS} (or answer it in the terminal: ${unbreakable(`svcaudit assess --out ${FIRST_ANSWERS} --resume`)}),`,
    `then run ${unbreakable('svcaudit validate .')} and ${unbreakable('svcaudit score audits/')}, and commit the files.`,
  ].join('\n'));
  return 'ok';
}
