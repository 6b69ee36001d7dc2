import type { Finding } from '../../core/finding.js';
import { RULES } from '../../core/rules.js';
import { countFindings, sortFindings } from './summary.js';
import type { FileFindings } from '../../core/file-findings.js';
import type { FindingsFormatter } from './types.js';
import { escapeXml } from './xml.js';

/**
 * JUnit XML as read by Jenkins, GitLab and most CI test reporters: one `<testsuite>` per file,
 * one `<testcase>` per finding. Warnings are failures too, or CI would hide them; a clean
 * file is one passing testcase, so the report lists every file checked.
 * There is no formal JUnit spec; this keeps to the attributes every reader knows
 * (https://github.com/testmoapp/junitxml).
 */
export const junit: FindingsFormatter = (results) => {
  const suites = results.map(testsuite);
  const counts = countFindings(results);
  const tests = results.reduce((n, r) => n + Math.max(1, r.findings.length), 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="svcaudit" tests="${tests}" failures="${counts.errors + counts.warnings}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};

function testsuite(result: FileFindings): string {
  const file = escapeXml(result.file);
  const n = result.findings.length;
  const open = `  <testsuite name="${file}" tests="${Math.max(1, n)}" failures="${n}" errors="0">`;
  const cases =
    n === 0
      ? [`    <testcase name="no problems" classname="${file}"/>`]
      : sortFindings(result.findings).map((f) => testcase(f, result.file));
  return [open, ...cases, '  </testsuite>'].join('\n');
}

function testcase(f: Finding, file: string): string {
  const rule = escapeXml(f.rule);
  // The body is what a CI page shows when the failure is expanded: where, what, and how to fix.
  const body = [`${f.severity} at ${file}:${f.line}:${f.column}`, f.message, `${f.rule}: ${RULES[f.rule].help}`]
    .map(escapeXml)
    .join('\n');
  return [
    `    <testcase name="${rule} ${f.line}:${f.column}" classname="${escapeXml(file)}">`,
    `      <failure message="${escapeXml(f.message)}" type="${rule}">${body}</failure>`,
    '    </testcase>',
  ].join('\n');
}
