import { finding, type Finding } from './finding.js';
import { describeValue } from './schema-findings.js';
import { locate, type YamlSource } from './source.js';

export type FileKind = 'rubric' | 'answers';

/** Tells a rubric from an answers file by its `kind:` field, or says what is wrong. */
export function detectKind(source: YamlSource): { kind: FileKind } | { finding: Finding } {
  const value = source.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      finding: finding('schema-type', `The file must be a mapping of \`key: value\` lines starting with \`svcaudit: 1\` and \`kind:\`; found ${describeValue(value)}.`, source.file, locate(source, [])),
    };
  }
  const kind = (value as Record<string, unknown>).kind;
  if (kind === 'rubric' || kind === 'answers') return { kind };
  const message = kind === undefined
    ? 'The file has no `kind:` field; add `kind: rubric` or `kind: answers`.'
    : `\`kind\` must be \`rubric\` or \`answers\`; found ${describeValue(kind)}.`;
  return { finding: finding('unknown-kind', message, source.file, locate(source, kind === undefined ? [] : ['kind'])) };
}
