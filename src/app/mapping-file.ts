/**
 * `--map FILE` (docs/file-formats.md, "Mapping files"): the mapping is read and checked against
 * the rubric in use once, before any export is read. A mapping with errors stops the command with
 * its findings (exit 1, or 2 when it is no YAML at all); its warnings, such as an item left without
 * a column, are told on stderr, so that nothing is left out silently.
 */
import { SvcauditError } from '../core/errors.js';
import { compareFindings, findingsErrorCode, firstError } from '../core/finding.js';
import { utf8Text } from '../core/io/decode-text.js';
import { inputFile } from '../inputs/read-answer-sets.js';
import type { Mapping } from '../inputs/survey/mapping.js';
import type { Rubric } from '../rubric/model.js';

interface MappingFileOptions {
  readonly readStdin?: (() => Promise<Uint8Array>) | undefined;
  readonly onNote?: ((message: string) => void) | undefined;
}

export async function loadMapping(path: string, rubric: Rubric, options: MappingFileOptions = {}): Promise<Mapping> {
  const input = inputFile(path, options.readStdin);
  const bytes = await input.bytes();
  // A file of the wrong kind is a usage error (exit 2, docs/exit-codes.md), not a mapping with problems.
  const kind = /^kind:\s*["']?(rubric|answers)["']?\s*(#.*)?$/m.exec(utf8Text(bytes, 8192))?.[1];
  if (kind !== undefined) {
    throw new SvcauditError('usage', `--map takes a mapping file (\`kind: mapping\`); this is ${kind === 'rubric' ? 'a rubric (pass it with --rubric)' : 'an answers file'}.`, { file: input.file });
  }
  const { checkMappingText } = await import('../inputs/survey/check-mapping.js');
  const checked = await checkMappingText(bytes, input.file, rubric);
  const findings = [...checked.findings].sort(compareFindings);
  if (checked.value === undefined) {
    const first = firstError(findings) ?? findings[0];
    const count = `${findings.length} problem${findings.length === 1 ? '' : 's'} in the mapping; nothing was read through it`;
    throw new SvcauditError(
      findingsErrorCode(findings),
      `${first?.message ?? 'The mapping file cannot be used.'} (${count})`,
      first === undefined ? { file: input.file } : { file: input.file, line: first.line, column: first.column },
      { files: [{ file: input.file, kind: 'mapping', findings }] },
    );
  }
  for (const f of findings) options.onNote?.(`svcaudit: ${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} (${f.rule})`);
  return checked.value;
}
