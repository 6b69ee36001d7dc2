/**
 * No raw control character reaches a person: generated user text (control characters, ESC
 * sequences, line breaks, bidirectional overrides, Markdown and HTML syntax) goes through every
 * human format and the CLI's messages, and what comes out holds none, except the format's own
 * line breaks (and, inside a quoted CSV cell, the text's own breaks and tabs). Colour codes of the
 * injected style are the only ESC sequences allowed, and only with colour on.
 */
import fc from 'fast-check';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { GAP_FORMAT_NAMES, loadGapFormat } from '../../src/report/gap/formats.js';
import { FINDINGS_FORMAT_NAMES, loadFindingsFormat } from '../../src/report/findings/formats.js';
import { COMPARE_FORMAT_NAMES, loadCompareFormat } from '../../src/report/compare/formats.js';
import { compareSides } from '../../src/compare/compare.js';
import { formatRubricTable } from '../../src/report/rubric/rubric-table.js';
import { formatTemplate } from '../../src/report/rubric/template.js';
import { plainStyle, type Style } from '../../src/report/shared/style.js';
import { inertRubric } from '../../src/report/shared/terminal-text.js';
import { createScreens } from '../../src/cli/assess/screen.js';
import { note, type CliContext } from '../../src/cli/context.js';
import { finding } from '../../src/core/finding.js';
import type { Rubric } from '../../src/rubric/model.js';
import { loadAll } from '../helpers/formats.js';
import { buildAnswers, buildRubric, savedSide, scoredSide, scoreSets } from '../helpers/build.js';
import { propertyRuns } from '../helpers/property-runs.js';

const GAP = await loadAll(GAP_FORMAT_NAMES, loadGapFormat);
const COMPARE = await loadAll(COMPARE_FORMAT_NAMES, loadCompareFormat);
const FINDINGS = await loadAll(FINDINGS_FORMAT_NAMES, loadFindingsFormat);

/** Everything that can act on a terminal or a line's layout; the line feed is checked apart. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const RAW_IN_CSV = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const SGR = /\u001b\[[0-9;]*m/g;

const PIECES = [
  '\u001b[31m', '\u001b[2J', '\u001b]0;title\u0007', '\u001b]8;;https://evil.example\u001b\\', '\u009b1m', '\u0000', '\u0007', '\b',
  '\r', '\n', '\r\n', '\t', '\u000b', '\u000c', '\u0085', '\u2028', '\u2029', '\u202e', '\u2066', '\u007f',
  'plain', ' ', '漢字', '👍🏽', 'e\u0301', '|', '*', '<b>', '&', '#', '`', '- ', '1. ', 'https://example.com/x',
];
const userText = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
).filter((s) => s.trim() !== '');

function hostileRubric(t: readonly string[]): Rubric {
  const base = buildRubric({ sections: [{ id: 's', items: [{ id: 'a', actions: [{ to: 4, text: 'x' }] }, 'b'] }] });
  const [section] = base.sections;
  const items = section!.items.map((item, i) => ({
    ...item,
    title: t[(i + 1) % t.length]!,
    prompt: t[(i + 2) % t.length]!,
    why: t[(i + 3) % t.length],
    levels: new Map([[1, t[(i + 4) % t.length]!], [5, t[(i + 5) % t.length]!]]),
    lookFor: [t[(i + 6) % t.length]!],
    actions: item.actions.map((action) => ({ ...action, text: t[(i + 7) % t.length]! })),
  }));
  return {
    ...base,
    title: t[0]!,
    description: t[1 % t.length],
    scale: { ...base.scale, labels: new Map([[1, t[2 % t.length]!], [3, t[3 % t.length]!]]) },
    sections: [{ ...section!, title: t[4 % t.length]!, items }],
  };
}

function hostileSets(t: readonly string[]) {
  return [0, 1, 2, 3, 4, 5].map((i) =>
    buildAnswers(
      `${t[i % t.length]}.yaml`,
      { a: { score: 1 + (i % 5), note: t[(i + 1) % t.length]!, evidence: [t[(i + 2) % t.length]!] }, b: 1 + ((i * 3) % 5) },
      { role: t[i % 2]!, name: t[(i + 3) % t.length]!, date: t[(i + 4) % t.length]! },
    ),
  );
}

function hostileReport(rubric: Rubric, t: readonly string[]) {
  // The configuration file's organisation goes to every header.
  return { ...scoreSets(rubric, hostileSets(t), { by: 'role', minGroup: 1, attribution: 'name' }), organisation: t[5 % t.length]! };
}

const colour: Style = { ...plainStyle, red: (s: string) => `\u001b[31m${s}\u001b[39m`, bold: (s: string) => `\u001b[1m${s}\u001b[22m` };

function assertInert(out: string, raw = RAW): void {
  const clean = out.replace(SGR, '');
  const bad = raw.exec(clean);
  expect(bad, bad ? `raw U+${bad[0].charCodeAt(0).toString(16)} at ${bad.index}: ${JSON.stringify(clean.slice(Math.max(0, bad.index - 20), bad.index + 20))}` : '').toBeNull();
}

describe('generated user text comes out inert', () => {
  it('in every gap report format, with and without colour', () => {
    fc.assert(
      fc.property(fc.array(userText, { minLength: 8, maxLength: 8 }), fc.boolean(), (t, coloured) => {
        const report = hostileReport(hostileRubric(t), t);
        for (const name of GAP_FORMAT_NAMES) {
          if (name === 'json') continue; // machine output: JSON.stringify escapes every control character
          const out = GAP[name](report, { style: coloured ? colour : plainStyle, width: 100, date: '2026-11-20' });
          // CSV keeps a cell's own breaks and tabs inside its quotes; HTML's whitespace is inert.
          assertInert(out, name === 'csv' || name === 'html' ? RAW_IN_CSV : RAW);
        }
      }),
      propertyRuns({ runs: 60 }),
    );
  });

  it('in every compare format, with and without colour', () => {
    fc.assert(
      fc.property(fc.array(userText, { minLength: 8, maxLength: 8 }), fc.boolean(), (t, coloured) => {
        const rubric = hostileRubric(t);
        const before = scoredSide(rubric, hostileSets(t), { by: 'role' });
        const after = scoredSide(rubric, hostileSets([...t].reverse()), { by: 'role' });
        const options = { beforeInput: t[0]!, afterInput: t[1]!, by: 'role', minGroup: 1 };
        // Scored here, and read back from saved JSON reports (their text is as hostile).
        for (const comparison of [compareSides(before, after, options), compareSides(savedSide(before.report), savedSide(after.report), options)]) {
          for (const name of COMPARE_FORMAT_NAMES) {
            if (name === 'json') continue;
            const out = COMPARE[name](comparison, { style: coloured ? colour : plainStyle, width: 100, date: '2026-11-20', followUp: after.report });
            assertInert(out, name === 'html' ? RAW_IN_CSV : RAW);
          }
        }
      }),
      propertyRuns({ runs: 40 }),
    );
  });

  it('in rubric show, the template and the assess screen', () => {
    fc.assert(
      fc.property(fc.array(userText, { minLength: 8, maxLength: 8 }), (t) => {
        const rubric = hostileRubric(t);
        assertInert(formatRubricTable(rubric, { style: plainStyle, width: 100 }));
        assertInert(formatTemplate(rubric, 'yaml'));
        assertInert(formatTemplate(rubric, 'yaml', t[1]!));
        const shown = inertRubric(rubric);
        const item = shown.sections[0]!.items[0]!;
        const screens = createScreens(shown, plainStyle);
        const screen = { item, section: shown.sections[0]!, position: 2, total: 2, answer: undefined, canGoBack: true, before: [{ item, answer: { score: 3 as const, evidence: [], note: t[2] } }] };
        const view = screens.question(screen, { columns: 80, rows: 40 });
        const noteView = screens.note(screen, { columns: 80, rows: 40 });
        assertInert([...view.log, view.header, view.help, view.detail?.text ?? '', noteView.message, noteView.help, ...view.choices.flatMap((c) => [c.name, c.line, c.short, c.description ?? ''])].join('\n'));
      }),
      propertyRuns({ runs: 60 }),
    );
  });

  it('in the findings formats stylish and github, and in messages on stderr', () => {
    fc.assert(
      fc.property(userText, userText, (file, message) => {
        const files = [{ file, kind: 'answers' as const, findings: [finding('yaml-syntax', message, file, { line: 1, column: 1 })] }];
        assertInert(FINDINGS.stylish(files, { style: plainStyle, toolVersion: '1.0.0', maxWarnings: undefined }));
        assertInert(FINDINGS.github(files, { style: plainStyle, toolVersion: '1.0.0', maxWarnings: undefined }));
        let stderr = '';
        const err = Object.assign(new Writable({ write: (chunk, _e, done) => ((stderr += String(chunk)), done()) }), { isTTY: true, columns: 80 });
        note({ stderr: err } as unknown as CliContext, `svcaudit: ${file}: ${message}`);
        assertInert(stderr);
      }),
      propertyRuns({ runs: 200 }),
    );
  });
});
