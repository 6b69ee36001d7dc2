import type { Finding } from '../../core/finding.js';
import { posix } from 'node:path';
import { RULE_IDS, RULES, type RuleId } from '../../core/rules.js';
import { REPOSITORY_URL } from '../../core/version.js';
import { sortFindings } from './summary.js';
import type { FindingsFormatter } from './types.js';

/**
 * A SARIF 2.1.0 log (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html), the
 * format GitHub code scanning and other viewers import. Quirks kept here:
 * - `tool.driver.rules` lists every rule, not only those that fired, so a viewer can show the
 *   help of any rule and `ruleIndex` means the same rule in every log.
 * - Columns count UTF-16 code units, as the `yaml` package's LineCounter does; the spec lets a
 *   tool count code points instead, so `run.columnKind` says which. `region.endColumn` is
 *   exclusive in SARIF, as the end of a `yaml` range is.
 * - `run.results` is present even when empty: the spec reserves an absent list for a tool that
 *   failed to start, and "no results" must be an empty array.
 * - Each rule's `helpUri` is its section of docs/rules.md in the repository, whose anchors are
 *   the rule ids.
 */
export const sarif: FindingsFormatter = (results, options) => {
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'svcaudit',
            version: options.toolVersion,
            informationUri: 'https://www.npmjs.com/package/svcaudit',
            rules: RULE_IDS.map(ruleDescriptor),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((r) => sortFindings(r.findings).map((f) => result(f, r.file))),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function ruleDescriptor(id: RuleId) {
  const rule = RULES[id];
  return {
    id,
    name: pascalCase(id),
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.summary },
    help: { text: rule.help },
    helpUri: `${REPOSITORY_URL}/blob/main/docs/rules.md#${id}`,
    defaultConfiguration: { level: rule.severity },
  };
}

function result(f: Finding, file: string) {
  return {
    ruleId: f.rule,
    ruleIndex: RULE_IDS.indexOf(f.rule),
    level: f.severity,
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(file),
          region: {
            startLine: f.line,
            startColumn: f.column,
            ...(f.endLine === undefined ? {} : { endLine: f.endLine }),
            ...(f.endColumn === undefined ? {} : { endColumn: f.endColumn }),
          },
        },
      },
    ],
  };
}

/** `yaml-syntax` -> `YamlSyntax`: `reportingDescriptor.name` is an identifier, PascalCase in the spec's examples. */
export function pascalCase(id: string): string {
  return id.replace(/(?:^|-)([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * A relative path becomes a relative URI against `%SRCROOT%`, which GitHub resolves against the
 * checkout (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning).
 * An absolute path becomes a `file:` URI with no base, as SARIF requires of absolute URIs
 * (`artifactLocation.uriBaseId`). A relative path that leaves the working folder (`../x.yaml`)
 * would name, under `%SRCROOT%`, a place outside the checkout; it keeps its relative URI with no
 * base. Each segment is percent-encoded, so `#`, `%`, `?`, spaces and a `:` that would read
 * as a scheme stay part of the path.
 */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (file === '<stdin>') return { uri: 'stdin', uriBaseId: '%SRCROOT%' };
  const path = file.replace(/\\/g, '/');
  const drive = /^([A-Za-z]):\//.exec(path);
  if (drive) return { uri: `file:///${drive[1]}:/${encodePath(path.slice(3))}` };
  if (path.startsWith('/')) return { uri: `file://${encodePath(path)}` };
  const normalized = posix.normalize(path);
  if (normalized === '..' || normalized.startsWith('../')) return { uri: encodePath(path) };
  return { uri: encodePath(path.replace(/^(?:\.\/)+/, '')), uriBaseId: '%SRCROOT%' };
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
