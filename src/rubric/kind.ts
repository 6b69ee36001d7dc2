import { finding, type Finding } from '../core/finding.js';
import { isMapping } from '../core/is-mapping.js';
import { describeValue } from './schema-findings.js';
import { locate, type YamlSource } from '../core/source.js';

type FileKind = 'rubric' | 'answers' | 'mapping';

/**
 * Tells a rubric, an answers file and a mapping file (docs/file-formats.md) apart by their `kind:` field. When it cannot, the findings that say
 * why, after those the reading itself carried (a duplicate key, or why there is no data at all).
 */
export function detectKind(source: YamlSource): { kind: FileKind } | { findings: readonly Finding[] } {
  const value = source.value;
  if (value === undefined) return { findings: source.findings };
  const failed = (problem: Finding) => ({ findings: [...source.findings, problem] });
  if (!isMapping(value)) {
    return failed(finding('schema-type', `The file must be a mapping of \`key: value\` lines starting with \`svcaudit: 1\` and \`kind:\`; found ${describeValue(value)}.`, source.file, locate(source, [])));
  }
  const kind = value.kind;
  if (kind === 'rubric' || kind === 'answers' || kind === 'mapping') return { kind };
  const message = kind === undefined
    ? 'The file has no `kind:` field; add `kind: rubric`, `kind: answers` or `kind: mapping`.'
    : `\`kind\` must be \`rubric\`, \`answers\` or \`mapping\`; found ${describeValue(kind)}.`;
  return failed(finding('unknown-kind', message, source.file, locate(source, kind === undefined ? [] : ['kind'])));
}
