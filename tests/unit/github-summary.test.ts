/** The job summary of `validate --format github`: Markdown that user text cannot break, of a bounded length. */
import { describe, expect, it } from 'vitest';
import type { FileFindings } from '../../src/core/file-findings.js';
import { githubSummary } from '../../src/report/findings/github-summary.js';

const finding = (message: string, line = 1) => ({ rule: 'yaml-syntax', severity: 'error', message, file: 'a|b.yaml', line, column: 2 }) as const;

describe('githubSummary', () => {
  it('keeps a message with a pipe, a line break and markup inside its table cell', () => {
    const text = githubSummary([{ file: 'a|b.yaml', kind: undefined, findings: [finding('x | y\n# z <b>')] }]);
    const row = text.split('\n').find((l) => l.startsWith('| a'))!;
    expect(row).toBe('| a\\|b.yaml:1:2 | error | [yaml-syntax](https://github.com/svcaudit/svcaudit/blob/main/docs/rules.md#yaml-syntax) | x \\| y \\# z &lt;b&gt; |');
  });

  it('lists at most 100 findings and counts the rest', () => {
    const many: FileFindings[] = [{ file: 'f.yaml', kind: undefined, findings: Array.from({ length: 130 }, (_, i) => finding(`m${i}`, i + 1)) }];
    const text = githubSummary(many);
    expect(text.split('\n').filter((l) => l.startsWith('| f.yaml'))).toHaveLength(100);
    expect(text).toContain('…and 30 more; the job log lists every one.');
  });

  it('says a warnings-only run with a warning sign, not a failure', () => {
    const text = githubSummary([{ file: 'r.yaml', kind: 'rubric', findings: [{ ...finding('w'), rule: 'target-at-minimum', severity: 'warning', file: 'r.yaml' }] }]);
    expect(text).toContain('⚠️ 1 problem (0 errors, 1 warning) in 1 file.');
  });
});
