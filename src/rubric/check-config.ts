/**
 * Checks a configuration file (docs/configuration.md) the way rubric and answers files are checked:
 * YAML with positions, the JSON Schema of schema.ts, a "did you mean" for a misspelt key or value.
 * Returns findings, never throws. The `svcaudit` key of a package.json is checked in the same way,
 * its findings pointing into the package.json.
 */
import { validateConfig } from '../generated/validators.js';
import { finding, hasErrors, type Finding } from '../core/finding.js';
import { decodeText } from '../core/io/decode-text.js';
import { isMapping } from '../core/is-mapping.js';
import { locate, type YamlSource } from '../core/source.js';
import type { Checked } from './check-rubric.js';
import { checkYamlText } from './quick-yaml.js';
import type { RawConfig } from './raw-types.js';
import { configSchema } from './schema.js';
import { describeValue, schemaFindings } from './schema-findings.js';

/** A configuration file's bytes, checked. */
export async function checkConfigBytes(bytes: Uint8Array, file: string): Promise<Checked<RawConfig>> {
  const decoded = decodeText(bytes, file);
  if ('finding' in decoded) return { value: undefined, findings: [decoded.finding] };
  return checkYamlText(decoded.text, file, checkConfigSource);
}

function checkConfigSource(source: YamlSource): Checked<RawConfig> {
  if (source.value === undefined) return { value: undefined, findings: source.findings };
  return checkConfigValue(source.value, source, source.findings);
}

function checkConfigValue(value: unknown, source: YamlSource, carried: readonly Finding[]): Checked<RawConfig> {
  if (!isMapping(value)) {
    const message = `The configuration must be a mapping of \`key: value\` lines (such as \`rubric: rubrics/ours.yaml\`); found ${describeValue(value)}.`;
    return { value: undefined, findings: [...carried, finding('schema-type', message, source.file, locate(source, []))] };
  }
  const findings = validateConfig(value) ? [...carried] : [...carried, ...schemaFindings(validateConfig.errors ?? [], configSchema, source)];
  return { value: hasErrors(findings) ? undefined : (value as RawConfig), findings };
}

/**
 * The `svcaudit` key of a package.json. Valid data is read with JSON.parse alone; only when it has
 * a problem is the file read again with positions (JSON is YAML), for findings that point into it.
 */
export async function checkPackageConfig(value: unknown, text: string, file: string): Promise<Checked<RawConfig>> {
  if (isMapping(value) && validateConfig(value)) return { value: value as RawConfig, findings: [] };
  const { parseYaml } = await import('./yaml-source.js');
  const whole = parseYaml(text, file);
  const source: YamlSource = {
    file,
    value,
    findings: [],
    locate: (path, at) => whole.locate(['svcaudit', ...path], at),
  };
  return checkConfigValue(value, source, []);
}
