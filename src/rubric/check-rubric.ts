/**
 * Checks a rubric file in three passes (YAML, schema, semantic rules) and,
 * when nothing is in error, builds the model. Returns findings rather than
 * throwing, so `validate` can report every problem and other commands can
 * decide how to fail.
 */
import { validateRubric } from '../generated/validators.js';
import { finding, hasErrors, type Finding } from '../core/finding.js';
import { detectKind } from './kind.js';
import type { Rubric } from './model.js';
import { normalizeRubric } from './normalize.js';
import type { RawRubric } from './raw-types.js';
import { rubricSchema } from './schema.js';
import { schemaFindings } from './schema-findings.js';
import { semanticFindings, withoutBroken } from './semantic-rules.js';
import { decodeText } from '../core/io/decode-text.js';
import { checkYamlText } from './quick-yaml.js';
import { locate, type YamlSource } from '../core/source.js';

export interface Checked<T> {
  readonly value: T | undefined;
  readonly findings: readonly Finding[];
  /** The file is of another kind than was asked for (answers where a rubric was wanted). */
  readonly wrongKind?: true;
}

export async function checkRubricText(bytes: Uint8Array | string, file: string, sourceName = file): Promise<Checked<Rubric>> {
  const decoded = typeof bytes === 'string' ? { text: bytes } : decodeText(bytes, file);
  if ('finding' in decoded) return { value: undefined, findings: [decoded.finding] };
  return checkYamlText(decoded.text, file, (source) => checkRubricSource(source, sourceName));
}

export function checkRubricSource(source: YamlSource, sourceName = source.file): Checked<Rubric> {
  const kind = detectKind(source);
  if ('findings' in kind) return { value: undefined, findings: kind.findings };
  const carried = source.findings;
  if (kind.kind !== 'rubric') {
    const message = `This is ${kind.kind === 'mapping' ? 'a mapping file (`kind: mapping`)' : 'an answers file (`kind: answers`)'}, but a rubric was expected here.`;
    return { value: undefined, findings: [...carried, finding('unknown-kind', message, source.file, locate(source, ['kind']))], wrongKind: true };
  }
  if (!validateRubric(source.value)) {
    // One typo never hides the other problems (docs/rules.md): the semantic rules run on every
    // value the schema did not find wrong.
    const errors = validateRubric.errors ?? [];
    const usable = withoutBroken(source.value, errors);
    return { value: undefined, findings: [...carried, ...schemaFindings(errors, rubricSchema, source), ...semanticFindings(usable, source)] };
  }
  const raw = source.value as RawRubric;
  const findings = [...carried, ...semanticFindings(raw, source)];
  return { value: hasErrors(findings) ? undefined : normalizeRubric(raw, sourceName), findings };
}
