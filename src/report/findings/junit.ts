import type { Finding } from '../../core/finding.js';
import { RULES } from '../../core/rules.js';
import { countFindings, exceedsMaxWarnings, sortFindings } from './summary.js';
import type { FileFindings } from '../../core/file-findings.js';
import type { FindingsFormatter } from './types.js';
import { escapeXml } from './xml.js';

/**
 * JUnit XML as read by Jenkins, GitLab and most CI test reporters: one `<testsuite>` per file,
 * one `<testcase>` per finding. An error is a failure; a warning is a passing testcase whose
 * `<system-out>` says it, so the report shows it without calling a run that exits 0 a failure
 * (docs/exit-codes.md), unless `--max-warnings` is exceeded, when warnings fail the run and the
 * report alike. A clean file is one passing testcase, so the report lists every file checked.
 * There is no formal JUnit spec; this keeps to the attributes every reader knows
 * (https://github.com/testmoapp/junitxml).
 */
export const junit: FindingsFormatter = (results, options) => {
  const counts = countFindings(results);
  const warningsFail = exceedsMaxWarnings(counts, options.maxWarnings);
  const fails = (f: Finding) => f.severity === 'error' || warningsFail;
  const suites = results.map((r) => testsuite(r, fails));
  const tests = results.reduce((n, r) => n + Math.max(1, r.findings.length), 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="svcaudit" tests="${tests}" failures="${counts.errors + (warningsFail ? counts.warnings : 0)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};

function testsuite(result: FileFindings, fails: (f: Finding) => boolean): string {
  const file = escapeXml(result.file);
  const n = result.findings.length;
  const open = `  <testsuite name="${file}" tests="${Math.max(1, n)}" failures="${result.findings.filter(fails).length}" errors="0">`;
  const cases =
    n === 0
      ? [`    <testcase name="no problems" classname="${file}"/>`]
      : sortFindings(result.findings).map((f) => testcase(f, result.file, fails(f)));
  return [open, ...cases, '  </testsuite>'].join('\n');
}

function testcase(f: Finding, file: string, failure: boolean): string {
  const rule = escapeXml(f.rule);
  // The body is what a CI page shows when the test case is expanded: where, what, and how to fix.
  const body = [`${f.severity} at ${file}:${f.line}:${f.column}`, f.message, `${f.rule}: ${RULES[f.rule].help}`]
    .map(escapeXml)
    .join('\n');
  return [
    `    <testcase name="${rule} ${f.line}:${f.column}" classname="${escapeXml(file)}">`,
    failure ? `      <failure message="${escapeXml(f.message)}" type="${rule}">${body}</failure>` : `      <system-out>${body}</system-out>`,
    '    </testcase>',
  ].join('\n');
}
