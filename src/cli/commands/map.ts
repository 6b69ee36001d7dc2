/** `svcaudit map <export>`: the proposed mapping on stdout (or --output), what reading found on stderr. */
import { map } from '../../app/map.js';
import { SvcauditError } from '../../core/errors.js';
import { displayName, readStream } from '../../core/io/read-input.js';
import type { Outcome } from '../../core/outcome.js';
import { loadCommandRubric } from '../command-rubric.js';
import { emit, note, writesToFile, type CliContext } from '../context.js';
import type { MapFlags } from './map-flags.js';

export async function runMap(file: string, options: MapFlags, ctx: CliContext): Promise<Outcome> {
  const rubric = await loadCommandRubric(options.rubric, ctx);
  const result = await map(file, rubric, { readStdin: () => readStream(ctx.stdin), sheet: options.sheet });
  const errors = result.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    const first = errors[0]!;
    // An export that cannot be read has no mapping to propose: exit 2, as `score` would.
    throw new SvcauditError('file-unparseable', `${first.message} (no mapping was proposed)`, { file: first.file, line: first.line, column: first.column }, {
      files: [{ file: displayName(file), kind: 'answers', findings: result.findings }],
    });
  }
  for (const f of result.findings) note(ctx, `svcaudit: ${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message}`);
  await emit(ctx, result.text, options.output);
  if (writesToFile(options.output)) note(ctx, `Mapping written to ${options.output}; review it, then pass it with --map.`);
  return 'ok';
}
