/**
 * The gap report formatters (text, json, markdown, csv) on in-memory reports
 * built the way the `score` command builds them. Expected figures are worked
 * by hand in the comments; golden files pin the whole text and Markdown layout.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AnswerSet } from '../../src/core/answers.js';
import type { Rubric } from '../../src/rubric/model.js';
import { GAP_FORMAT_NAMES, loadGapFormat } from '../../src/report/gap/formats.js';
import { loadAll } from '../helpers/formats.js';
import type { GapFormatOptions } from '../../src/report/gap/types.js';
import { escapeMarkdown } from '../../src/report/shared/escape-markdown.js';
import { textCell } from '../../src/report/gap/csv-cell.js';
import { fixed, indexText, round } from '../../src/report/shared/numbers.js';
import { gapStatus, STATUS_LABEL, STATUS_SYMBOL, STATUSES } from '../../src/report/gap/status.js';
import { displayWidth } from '../../src/report/shared/text-width.js';
import { wrap } from '../../src/report/shared/wrap.js';
import { plainStyle, type Style } from '../../src/report/shared/style.js';
import type { Report } from '../../src/scoring/report.js';
import { buildAnswers, buildRubric, scoreSets } from '../helpers/build.js';

const GAP_FORMATS = await loadAll(GAP_FORMAT_NAMES, loadGapFormat);
const { text, json, markdown, csv } = GAP_FORMATS;
const FIXTURES = fileURLToPath(new URL('../fixtures/gap-formats/', import.meta.url));
const OPTIONS: GapFormatOptions = { style: plainStyle, width: 100, date: '2026-11-20' };

// ---------------------------------------------------------------------------------------------
// Reports

/** buildRubric titles everything with its id; a report a person reads needs real titles. */
function retitle(rubric: Rubric, titles: Readonly<Record<string, string>>): Rubric {
  return {
    ...rubric,
    title: titles[rubric.id] ?? rubric.title,
    sections: rubric.sections.map((s) => ({
      ...s,
      title: titles[s.id] ?? s.title,
      items: s.items.map((i) => ({ ...i, title: titles[i.id] ?? i.title })),
    })),
  };
}

/** Scale 1..5, target 4 (keep-promises 5); commitments weigh 2, keys 1; follow-up weighs 2 in its section. */
const SERVICE = retitle(
  buildRubric({
    sections: [
      {
        id: 'commitments',
        weight: 2,
        items: [
          {
            id: 'be-nice',
            actions: [
              { to: 4, text: 'Coach staff on tone with recorded calls', effort: 'medium' },
              { to: 3, text: 'Greet every customer by name', effort: 'low' },
            ],
          },
          {
            id: 'respond-quickly',
            actions: [
              { to: 2, text: 'Publish opening hours on every channel', effort: 'low' },
              { to: 4, text: 'Staff the phones until 7pm so that calls after work hours reach a person instead of a voicemail box that nobody empties', effort: 'high' },
            ],
          },
          { id: 'keep-promises', target: 5, actions: [{ text: 'Write every promise into the ticket' }] },
        ],
      },
      {
        id: 'keys',
        items: [
          { id: 'listen', actions: [{ text: 'Repeat the request back' }] },
          { id: 'follow-up', weight: 2, actions: [{ text: 'Call back every complaint within two days' }] },
        ],
      },
    ],
  }),
  {
    'test-rubric': 'Service Commitments Audit',
    commitments: 'The ten service commitments',
    keys: 'The three keys of good service',
    'be-nice': 'Be nice',
    'respond-quickly': 'Respond quickly',
    'keep-promises': 'Keep promises',
    listen: 'Listen first',
    'follow-up': 'Follow up',
  },
);

/**
 * One manager. Effective weights: commitments items 2/3 · 1/3 = 2/9 each; listen 1/3 · 1/3 = 1/9;
 * follow-up 1/3 · 2/3 = 2/9.
 * Overall score (4 + 2 + 10 + 4 + 6)/9 = 26/9 = 2.89; target 38/9 = 4.22; gap (4 + 6 + 2)/9 = 1.33 (red);
 * index 100 · (26/9 - 1)/4 = 47.2 → 47.
 * Sections: commitments 8/3 = 2.67, target 13/3 = 4.33, gap 5/3 = 1.67, index 41.7 → 42;
 * keys (4 + 2·3)/3 = 3.33, target 4.00, gap 2/3 = 0.67 (yellow), index 58.3 → 58.
 * Priorities: respond-quickly 6/9 = 0.67, be-nice 4/9 = 0.44, follow-up 2/9 = 0.22.
 */
const ONE = scoreSets(SERVICE, [
  buildAnswers(
    'dana.yaml',
    {
      'be-nice': { score: 2, note: 'Staff rarely greet walk-ins' },
      'respond-quickly': { score: 1, evidence: ['Waited 14 min on hold'] },
      'keep-promises': 5,
      listen: 4,
      'follow-up': 3,
    },
    { name: 'Dana', role: 'manager' },
  ),
], { attribution: 'name' });

/**
 * Four interviews grouped by role.
 * be-nice [4,5,2,3]: 3.50, staff 4.50, customer 2.50, spread 2 (perception gap), var 5/3, rwg 1/6 (low agreement).
 * respond-quickly [3,3,2,1]: 2.25, staff 3, customer 1.5, spread 1.5; var 11/12, rwg 0.54.
 * keep-promises [4,3,4] (Bob na): 11/3 = 3.67, gap 1.33; staff 4, customer 3.5, spread 0.5; rwg 5/6: no flag.
 * listen [4,4,4,4]: 4, met. follow-up [4,3,2] (Cat left it out): 3, staff 3.5, customer 2, rwg 0.5.
 */
const MANY_SETS: AnswerSet[] = [
  buildAnswers('interviews/ann.yaml', { 'be-nice': 4, 'respond-quickly': 3, 'keep-promises': 4, listen: 4, 'follow-up': 4 }, { name: 'Ann', role: 'staff' }),
  buildAnswers('interviews/bob.yaml', { 'be-nice': 5, 'respond-quickly': 3, 'keep-promises': 'na', listen: 4, 'follow-up': 3 }, { name: 'Bob', role: 'staff' }),
  buildAnswers(
    'interviews/cat.yaml',
    {
      'be-nice': { score: 2, note: 'Nobody said hello when I came in' },
      'respond-quickly': { score: 2, evidence: ['Waited 14 min on hold', 'Email answered after 3 days', 'Chat closed at 5pm'] },
      'keep-promises': 3,
      listen: 4,
    },
    { name: 'Cat', role: 'customer' },
  ),
  buildAnswers(
    'interviews/dan.yaml',
    {
      'be-nice': 3,
      'respond-quickly': { score: 1, note: 'Calls after 6pm ring out, every single time I have tried, which is most weeks since spring', evidence: ['Voicemail full', 'No reply to the web form'] },
      'keep-promises': 4,
      listen: 4,
      'follow-up': 2,
    },
    { role: 'customer' },
  ),
];
/** Respondents named, and groups of two shown (`--attribution name --min-group 1`): the defaults have tests of their own. */
const NAMED = { attribution: 'name', minGroup: 1 } as const;
const MANY = scoreSets(SERVICE, MANY_SETS, { by: 'role', ...NAMED });

/** Item b answered only `na`, section s2 answered by nobody: both "not scored". */
const UNSCORED = scoreSets(buildRubric({ sections: [{ id: 's1', items: ['a', 'b'] }, { id: 's2', items: ['c'] }] }), [
  buildAnswers('only.yaml', { a: 3, b: 'na' }),
]);

/** Nothing scored at all: every figure is null. */
const EMPTY = scoreSets(buildRubric({ sections: [{ id: 's', items: ['a'] }] }), [buildAnswers('blank.yaml', { a: 'na' })]);

/** Text that tries to break out of every Markdown, HTML and CSV context. */
const HOSTILE_RUBRIC = retitle(
  buildRubric({
    sections: [
      {
        id: 'evil',
        items: [
          { id: 'script', actions: [{ text: '<img src=x onerror=alert(1)> then `rm -rf /`', effort: 'low' }] },
          'pipe',
          'code',
          'heading',
        ],
      },
    ],
  }),
  {
    'test-rubric': 'Audit <script>alert(1)</script> | **bold**',
    evil: 'a|b </td><td>',
    script: '<script>alert(1)</script>',
    pipe: 'a|b',
    code: '`code` and **bold** and _em_ [link](javascript:alert(1))',
    heading: '# not a heading\n- not a list',
  },
);
const HOSTILE = scoreSets(
  HOSTILE_RUBRIC,
  [
    buildAnswers(
      'x.yaml',
      {
        script: { score: 1, note: 'line one\n# injected heading\n| x | y |\n</td></tr></table><script>alert(2)</script>', evidence: ['> not a quote', '1. not a list'] },
        pipe: 2,
        code: 3,
        heading: 4,
      },
      { name: '<b>Eve</b>|`x`', role: 'st|aff <script>' },
    ),
    buildAnswers('y.yaml', { script: 2, pipe: 4, code: 5, heading: 1 }, { name: 'Mallory', role: '=cmd|/C calc' }),
  ],
  { by: 'role', attribution: 'name', minGroup: 1 },
);

// ---------------------------------------------------------------------------------------------
// Helpers

/** Style that wraps each colour in a visible marker, to see which status got which colour. */
const MARKERS: Style = {
  ...plainStyle,
  red: (s) => `<r>${s}</r>`,
  yellow: (s) => `<y>${s}</y>`,
  green: (s) => `<g>${s}</g>`,
  cyan: (s) => `<c>${s}</c>`,
};

/** Deep-freezes a report, so a formatter that sorts or edits it in place throws. */
function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) frozen(v);
    Object.freeze(value);
  }
  return value;
}

/** Pipes that are not backslash-escaped: the cell separators a Markdown table row really has. */
function unescapedPipes(line: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') count++;
  }
  return count;
}

/** Consecutive lines starting with `|`: each Markdown table. */
function markdownTables(doc: string): string[][] {
  const tables: string[][] = [];
  let current: string[] = [];
  for (const line of doc.split('\n')) {
    if (line.startsWith('|')) current.push(line);
    else if (current.length > 0) {
      tables.push(current);
      current = [];
    }
  }
  if (current.length > 0) tables.push(current);
  return tables;
}

/** RFC 4180 parser for the tests: fields with quotes, doubled quotes and line breaks. */
function parseCsv(input: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  expect(cell === '' && row.length === 0, 'CSV ends with a newline').toBe(true);
  return rows;
}

function section(output: string, from: string, to?: string): string {
  const start = output.indexOf(from);
  expect(start, `"${from}" in the output`).toBeGreaterThanOrEqual(0);
  const end = to === undefined ? output.length : output.indexOf(to, start);
  return output.slice(start, end < 0 ? output.length : end);
}

// ---------------------------------------------------------------------------------------------
// Registry and purity

describe('the gap format registry', () => {
  it('has a formatter for every --format name and nothing else', () => {
    expect(Object.keys(GAP_FORMATS).sort()).toEqual([...GAP_FORMAT_NAMES].sort());
  });

  it.each(GAP_FORMAT_NAMES)('%s is pure: a frozen report, the same output twice, one trailing newline', (name) => {
    // A copy with the quotes and sources as arrays: a report reads them an entry at a time (core/sequence.ts), which a structured clone would not carry.
    const plain = { ...MANY, comments: [...MANY.comments], sources: [...MANY.sources], items: MANY.items.map((item) => ({ ...item, quotes: [...item.quotes] })) };
    const report = frozen(structuredClone(plain) as Report);
    const first = GAP_FORMATS[name](report, OPTIONS);
    expect(GAP_FORMATS[name](report, OPTIONS)).toBe(first);
    expect(first.endsWith('\n')).toBe(true);
    expect(first.endsWith('\n\n')).toBe(false);
  });

  it.each(GAP_FORMAT_NAMES)('%s copes with a report where nothing was scored', (name) => {
    expect(() => GAP_FORMATS[name](EMPTY, OPTIONS)).not.toThrow();
  });
});

// ---------------------------------------------------------------------------------------------
// Shared helpers

describe('numbers', () => {
  it.each([
    [2.675, 2, '2.68'], // toFixed would give 2.67: the double is 2.67499999…
    [1.005, 2, '1.01'],
    [26 / 9, 2, '2.89'],
    [2 / 3, 2, '0.67'],
    [-0.001, 2, '0.00'], // never -0.00
    [-1.5, 0, '-2'], // half away from zero on either side
    [4, 2, '4.00'],
  ])('fixed(%d, %d) = %s', (value, digits, expected) => {
    expect(fixed(value, digits)).toBe(expected);
  });

  it('shows null as an en dash and indexes as whole points out of 100', () => {
    expect(fixed(null)).toBe('–');
    expect(indexText(null)).toBe('–');
    expect(indexText(47.2222)).toBe('47/100');
    expect(indexText(67.5)).toBe('68/100');
    expect(round(0.125, 2)).toBe(0.13);
  });
});

describe('status bands', () => {
  // PRODUCT.md: met (gap 0), within 1 point (0 < gap <= 1), more than 1 point short (gap > 1).
  it.each([
    [0, 'met'],
    [2e-17, 'met'], // a weighted mean of zero gaps, off by rounding
    [0.5, 'near'],
    [0.9999999999999998, 'near'],
    [1, 'near'], // a 3 against a target of 4
    [1.0000000000000002, 'near'], // a weighted mean of one-point gaps, off by rounding
    [1.01, 'short'],
    [2, 'short'], // a 2 against a target of 4
    [2.5, 'short'],
    [null, null],
  ] as const)('gap %s is %s', (gap, status) => {
    expect(gapStatus(gap)).toBe(status);
  });

  it('gives each band a word and a symbol of one terminal column', () => {
    expect(STATUSES.map((s) => `${STATUS_SYMBOL[s]} ${STATUS_LABEL[s]}`)).toEqual(['✓ met', '! within 1 point', '✗ more than 1 point short']);
    for (const status of STATUSES) expect(displayWidth(STATUS_SYMBOL[status])).toBe(1);
    expect(new Set(Object.values(STATUS_SYMBOL)).size).toBe(3);
  });
});

describe('wrap', () => {
  it('breaks at spaces and cuts words wider than a line instead of dropping them', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('see https://example.com/a/very/long/path', 12)).toEqual(['see', 'https://exam', 'ple.com/a/ve', 'ry/long/path']);
    expect(wrap('目標が最小値です', 6)).toEqual(['目標が', '最小値', 'です']);
    expect(wrap('', 10)).toEqual(['']);
  });
});

// ---------------------------------------------------------------------------------------------
// What every human format shares

describe('every human format', () => {
  const dated: Report = { ...ONE, organisation: 'Harbour Home Insurance', fieldwork: { from: '2026-10-05', to: '2026-10-09' } };

  it.each(['text', 'markdown', 'html'] as const)('%s: the organisation, the fieldwork dates and the report date in the header', (format) => {
    const out = GAP_FORMATS[format](dated, OPTIONS);
    // The text header's line wraps at the width: white space folded.
    const header = (format === 'text' ? out.split('\n\n')[0]! : format === 'markdown' ? out.split('\n\n').slice(0, 2).join('\n') : out.slice(out.indexOf('<header'), out.indexOf('</header>'))).replace(/\s+/g, ' ');
    for (const words of ['Harbour Home Insurance', 'fieldwork 2026-10-05 to 2026-10-09', 'report 2026-11-20', '1 respondent']) expect(header, words).toContain(words);
  });

  it.each(['text', 'markdown', 'html'] as const)('%s: no file path unless respondents are named (--attribution name)', (format) => {
    const byRole = scoreSets(SERVICE, MANY_SETS, { by: 'role', minGroup: 1 });
    expect(byRole.attribution).toBe('role');
    expect(GAP_FORMATS[format](byRole, OPTIONS)).not.toContain('interviews/');
    expect(GAP_FORMATS[format](MANY, OPTIONS)).toContain('interviews/cat.yaml');
  });

  it.each(['text', 'markdown', 'html'] as const)("%s: n/a and not answered never one word", (format) => {
    for (const out of [GAP_FORMATS[format](MANY, OPTIONS), GAP_FORMATS[format](UNSCORED, OPTIONS)]) {
      expect(out).toContain('n/a');
      expect(out).toContain('not answered');
      expect(out).not.toMatch(/\b\d+ na\b|\bunanswered\b/);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// json

describe('json', () => {
  it('is the report object as is, unrounded, pretty-printed', () => {
    const out = json(MANY, OPTIONS);
    expect(out).toBe(`${JSON.stringify(MANY, null, 2)}\n`);
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(MANY)));
    expect((JSON.parse(out) as Report).items.find((item) => item.quotes.length > 0)?.quotes).toEqual([...MANY.items.find((item) => item.quotes.length > 0)!.quotes]);
    // 11/3 stays 3.6666666666666665, not 3.67.
    expect(out).toContain(`"score": ${11 / 3}`);
  });
});

// ---------------------------------------------------------------------------------------------
// csv

describe('csv', () => {
  it('has the documented header, one row per item in rubric order, unrounded numbers', () => {
    const rows = parseCsv(csv(ONE, OPTIONS));
    expect(rows[0]).toEqual([
      'section', 'item', 'title', 'score', 'target', 'ci_lo', 'ci_hi', 'gap', 'priority', 'index', 'n', 'median', 'min', 'max', 'sd', 'rwg', 'na',
      'unanswered', 'at_target', 'at_target_lo', 'at_target_hi', 'flags',
    ]);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['be-nice', 'respond-quickly', 'keep-promises', 'listen', 'follow-up']);
    // respond-quickly: score 1, target 4, no interval (n < 3), gap 3, priority 2/9 · 3 = 2/3, index 0, n 1,
    // sd and rwg empty; none of 1 at target: Wilson [0, z²/(1 + z²)] with z = 1.959964, 3.841459/4.841459 = 0.793451.
    const quick = rows[2]!;
    expect(quick.slice(0, 18)).toEqual(['commitments', 'respond-quickly', 'Respond quickly', '1', '4', '', '', '3', String((2 / 9) * 3), '0', '1', '1', '1', '1', '', '', '0', '0']);
    expect(quick.slice(18, 20)).toEqual(['0', '0']);
    expect(Number(quick[20])).toBeCloseTo(0.793451, 6);
    expect(quick[21]).toBe('');
    expect(rows.every((r) => r.length === 22)).toBe(true);
  });

  it('adds a group:<value> column per group, and joins flags with ;', () => {
    const rows = parseCsv(csv(MANY, OPTIONS));
    expect(rows[0]!.slice(22)).toEqual(['group:customer', 'group:staff']);
    const cell = (row: readonly string[], column: string): string => row[rows[0]!.indexOf(column)]!;
    const keep = rows[3]!;
    expect(cell(keep, 'item')).toBe('keep-promises');
    expect(['score', 'n', 'na', 'flags', 'group:customer', 'group:staff'].map((c) => cell(keep, c))).toEqual([String(11 / 3), '3', '1', '', '3.5', '4']);
    expect(Number(cell(keep, 'sd'))).toBeCloseTo(Math.sqrt(1 / 3), 12);
    expect(Number(cell(keep, 'rwg'))).toBeCloseTo(5 / 6, 12);
    expect(cell(rows[1]!, 'flags')).toBe('perception-gap;low-agreement'); // be-nice
  });

  it('leaves the cells of an unscored item empty', () => {
    const rows = parseCsv(csv(UNSCORED, OPTIONS));
    const b = rows.find((r) => r[1] === 'b')!;
    // Nobody scored b (one na): every figure empty, n 0, na 1, unanswered 0.
    expect(b).toEqual(['s1', 'b', 'b', '', '4', '', '', '', '', '', '0', '', '', '', '', '', '1', '0', '', '', '', '']);
    expect(rows.find((r) => r[1] === 'c')![10]).toBe('0');
  });

  it('quotes per RFC 4180 and defuses formulas in text cells only', () => {
    expect(textCell('a,b')).toBe('"a,b"');
    expect(textCell('say "hi"')).toBe('"say ""hi"""');
    expect(textCell('line\nbreak')).toBe('"line\nbreak"');
    expect(textCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    for (const lead of ['+1', '-2', '@SUM(A1)', '\tcmd', '\rcmd']) expect(textCell(lead)).toMatch(/^"?'/);
    expect(textCell('plain')).toBe('plain');

    // A negative number stays a number: a -2..2 scale has negative scores.
    const negative = scoreSets(buildRubric({ scale: { min: -2, max: 2 }, sections: [{ id: 's', items: ['a'] }] }), [buildAnswers('n.yaml', { a: -1 })]);
    expect(parseCsv(csv(negative, OPTIONS))[1]![3]).toBe('-1');
  });

  it('keeps hostile titles and group values inside their cells, defused', () => {
    const out = csv(HOSTILE, OPTIONS);
    const rows = parseCsv(out);
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);
    expect(rows[0]!.slice(22)).toEqual(['group:=cmd|/C calc', 'group:st|aff <script>']);
    expect(rows.find((r) => r[1] === 'heading')![2]).toBe('# not a heading\n- not a list');
    const formula = scoreSets(retitle(buildRubric({ sections: [{ id: 's', items: ['a'] }] }), { a: '=1+1', s: '-s' }), [buildAnswers('f.yaml', { a: 2 })]);
    const [, row] = parseCsv(csv(formula, OPTIONS));
    expect(row!.slice(0, 3)).toEqual(["s", 'a', "'=1+1"]);
  });
});

// ---------------------------------------------------------------------------------------------
// text

describe('text', () => {
  it('matches the golden file for one respondent', async () => {
    await expect(text(ONE, OPTIONS)).toMatchFileSnapshot(`${FIXTURES}one.text.txt`);
  });

  it('matches the golden file for grouped interviews at 80 columns', async () => {
    await expect(text(MANY, { ...OPTIONS, width: 80 })).toMatchFileSnapshot(`${FIXTURES}many.text.txt`);
  });

  it('shows the header, the overall figures rounded, and the bar proportional to the index', () => {
    const out = text(ONE, OPTIONS);
    const lines = out.split('\n');
    expect(lines[0]).toBe('Service Commitments Audit');
    expect(lines[1]).toBe('test-rubric · 1.0.0 · report 2026-11-20');
    expect(lines[2]).toBe('1 respondent · 5 of 5 answers scored');
    expect(out).toContain('Overall  score 2.89 · target 4.22 · gap 1.33 · index 47/100');
    // Index 47.2 of 30 cells: 14 full.
    expect(out).toContain(`${'█'.repeat(14)}${'░'.repeat(16)} ✗ more than 1 point short`);
    expect(out).toContain('Status: ✓ met · ! within 1 point · ✗ more than 1 point short');
    expect(out).toContain('score 2.67 · target 4.33 · gap 1.67 · index 42/100 · ✗ more than 1 point short');
    expect(out).toContain('score 3.33 · target 4.00 · gap 0.67 · index 58/100 · ! within 1 point');
  });

  it('lists sources with their completeness when there are several, and says how it is grouped', () => {
    const out = text(MANY, OPTIONS);
    // 4 respondents × 5 items = 20; scored 5 + 4 + 4 + 5 = 18; Bob's na; Cat left follow-up out.
    expect(out).toContain('4 respondents · 18 of 20 answers scored · 1 n/a · 1 not answered');
    expect(out).toContain('grouped by role');
    expect(out).toContain('  interviews/bob.yaml  4 of 5 answers scored · 1 n/a\n');
    expect(out).toContain('  interviews/cat.yaml  4 of 5 answers scored · 1 not answered\n');
    // Under each section's table, the answers its scores leave out, n/a and not answered apart.
    expect(out).toContain('Left out of the scores: Keep promises 1 n/a.');
    expect(out).toContain('Left out of the scores: Follow up 1 not answered.');
  });

  it('caps the source list at 10', () => {
    const sets = Array.from({ length: 13 }, (_, i) => buildAnswers(`r${String(i).padStart(2, '0')}.yaml`, { listen: 4 }));
    const out = text(scoreSets(SERVICE, sets, { attribution: 'name' }), OPTIONS);
    expect(out).toContain('  r09.yaml');
    expect(out).not.toContain('r10.yaml');
    expect(out).toContain('  … and 3 more\n');
  });

  it('shows flags as words, group columns and the spread', () => {
    const out = text(MANY, { ...OPTIONS, width: 140 });
    const row = out.split('\n').find((l) => l.includes('Be nice'))!;
    // Title, score, target, interval, gap, bar, n, customer, staff, spread, flags. Be nice [4,5,2,3]: mean 3.5,
    // sd √(5/3), t(0.975, 3) = 3.182446: 3.5 ± 2.054 = [1.446, 5.554], shown clipped to the scale.
    expect(row.split('│').map((c) => c.trim()).slice(1, -1)).toEqual(['Be nice', '3.50', '4.00', '1.45–5.00', '! 0.50', '█'.repeat(6) + '░'.repeat(4), '4', '✗ 2.50', '✓ 4.50', '2.00', 'perception gap']);
    const next = out.split('\n')[out.split('\n').indexOf(row) + 1]!;
    expect(next).toContain('low agreement');
    expect(out).toMatch(/│ Item +│ +Score │ Target │ +95% CI │ +Gap │ Index +│ +n │ customer │ +staff │ Spread │ Flags +│/);
  });

  it('explains each flag in words under the first table that shows it, and names the groups of every perception gap', () => {
    // Wide enough that no note wraps, so each reads as one string here.
    const out = text(MANY, { ...OPTIONS, width: 400 });
    const first = section(out, 'The ten service commitments', 'The three keys of good service');
    expect(first).toContain("Low agreement: respondents' ratings differ widely; read the score with care.");
    expect(first).toContain("Perception gap: the highest and the lowest group's scores differ by the --perception-gap threshold (1 point unless set) or more. Here: Be nice, staff 4.50 over customer 2.50; Respond quickly, staff 3.00 over customer 1.50.");
    const second = section(out, 'The three keys of good service', 'Top gaps');
    expect(second).toContain('Perception gap: Follow up, staff 3.50 over customer 2.00.');
    expect(second).not.toContain('Low agreement:');
    expect(out.match(/read the score with care/g)).toHaveLength(1);
  });

  it('leaves out the columns a self-audit fills with 1s and blanks: n, the interval, flags', () => {
    const out = text(ONE, OPTIONS);
    expect(out).toMatch(/│ Item +│ Score │ Target │ +Gap │ Index +│\n/);
    expect(out).not.toMatch(/│ +n │/);
    expect(out).not.toContain('│ too few │');
    // Said once instead.
    expect(out).toContain('95% CI too few answers to judge');
  });

  it("tells one respondent's 3 from a 2 against a target of 4 by symbol and word as well as colour", () => {
    const rubric = buildRubric({ sections: [{ id: 's', items: ['three', 'two'] }] });
    const out = text(scoreSets(rubric, [buildAnswers('me.yaml', { three: 3, two: 2 })]), { ...OPTIONS, style: MARKERS });
    expect(out.split('\n').find((l) => l.startsWith('│ three '))).toContain('<y>! 1.00</y>');
    expect(out.split('\n').find((l) => l.startsWith('│ two '))).toContain('<r>✗ 2.00</r>');
    const plain = text(scoreSets(rubric, [buildAnswers('me.yaml', { three: 3, two: 2 })]), OPTIONS);
    expect(plain.split('\n').find((l) => l.startsWith('│ three '))).toContain('! 1.00');
    expect(plain.split('\n').find((l) => l.startsWith('│ two '))).toContain('✗ 2.00');
  });

  it('marks unscored items and sections', () => {
    const out = text(UNSCORED, OPTIONS);
    // One respondent, who answered b `na`: the score says so; no n, interval or flags column for one respondent.
    expect(out.split('\n').find((l) => l.startsWith('│ b '))).toMatch(/^│ b +│ +n\/a │ +4\.00 │ +– │ +│$/);
    expect(section(out, '\ns2\n')).toContain('not scored · 0 of 1 items scored');
    expect(section(out, '\ns1\n', '\ns2\n')).toContain('score 3.00 · target 4.00 · gap 1.00 · index 50/100 · ! within 1 point · 1 of 2 items scored');
    expect(text(EMPTY, OPTIONS)).toContain('Overall  not scored: no item has a score yet');
    expect(text(EMPTY, OPTIONS)).toContain('Top gaps\nNothing was scored yet.');
  });

  it('ranks the top gaps by priority with the priority shown', () => {
    const top = section(text(ONE, OPTIONS), 'Top gaps', 'Improvement plan');
    const rows = top.split('\n').filter((l) => /^│ +\d/.test(l)).map((l) => l.split('│').map((c) => c.trim()).slice(1, -1));
    expect(rows).toEqual([
      ['1', 'Respond quickly', '1.00', '4.00', '✗ 3.00', '0.67'],
      ['2', 'Be nice', '2.00', '4.00', '✗ 2.00', '0.44'],
      ['3', 'Follow up', '3.00', '4.00', '! 1.00', '0.22'],
    ]);
  });

  it('shows at most 5 top gaps', () => {
    const rubric = buildRubric({ sections: [{ id: 's', items: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }] });
    const report = scoreSets(rubric, [buildAnswers('x.yaml', { a: 1, b: 1, c: 2, d: 2, e: 3, f: 3, g: 3 })]);
    const top = section(text(report, OPTIONS), 'Top gaps', 'Improvement plan');
    expect(top.split('\n').filter((l) => /^│ +\d/.test(l))).toHaveLength(5);
    expect(top).toContain('… and 2 more items below target');
  });

  /*
   * The schedule of docs/formulas.md, capacity 6. Values (e = 2/9 for each of these items):
   * Publish (respond-quickly 1→2, low) 2/9 per point; Greet (be-nice 2→3, low) 2/9; Staff (respond-quickly
   * 2→4, high) 4/9 over 3 points = 4/27; Coach (be-nice 3→4, medium) 2/9 over 2 = 1/9; Call back (follow-up
   * 3→4, medium) 1/9. Order: Publish, Greet (tie; respond-quickly has the higher priority), Staff, Coach, Call
   * back (tie; be-nice's priority 4/9 beats follow-up's 2/9). Phase 1: Publish 1 + Greet 1, Staff and Coach
   * wait for their first steps, Call back 2 (4 of 6 points). Phase 2: Staff 3 + Coach 2.
   */
  it('schedules the plan into 30-day phases by value per effort point, each step after the one before', () => {
    const plan = section(text(ONE, OPTIONS), 'Improvement plan', 'Notes and evidence');
    expect(plan.split('\n').filter((l) => l !== '')).toEqual([
      'Improvement plan',
      'First 30 days',
      '  [low]    Respond quickly: Publish opening hours on every channel',
      '  [low]    Be nice: Greet every customer by name',
      '  [medium] Follow up: Call back every complaint within two days',
      'Days 31-60',
      '  [high]   Respond quickly: Staff the phones until 7pm so that calls after work hours reach a person',
      '           instead of a voicemail box that nobody empties',
      '  [medium] Be nice: Coach staff on tone with recorded calls',
    ]);
  });

  it('opens with Start here: the verdict and the first three actions of phase 1; in a terminal, again at the end', () => {
    const out = text(ONE, OPTIONS);
    const start = [
      'Start here',
      '2 of 5 items at target; the largest gap: Respond quickly',
      '  1. Respond quickly: Publish opening hours on every channel (effort: low)',
      '  2. Be nice: Greet every customer by name (effort: low)',
      '  3. Follow up: Call back every complaint within two days (effort: medium)',
    ].join('\n');
    expect(out).toContain(`${start}\nEffort: low = days, medium = weeks, high = a quarter-long project.\n`);
    expect(out.indexOf('Start here')).toBeLessThan(out.indexOf('Overall'));
    expect(out.match(/Start here/g)).toHaveLength(1);
    const terminal = text(ONE, { ...OPTIONS, terminal: true });
    expect(terminal.match(/Start here/g)).toHaveLength(2);
    expect(terminal.endsWith(`${start}\n`)).toBe(true);
    // Effort is explained once, not again in the repeat.
    expect(terminal.match(/Effort: low = days/g)).toHaveLength(1);
  });

  it('says why there is no plan', () => {
    const allMet = scoreSets(SERVICE, [buildAnswers('x.yaml', { 'be-nice': 5, listen: 4 })]);
    expect(text(allMet, OPTIONS)).toContain('Improvement plan\nNothing to do: every scored item meets its target.');
    const noActions = scoreSets(buildRubric({ sections: [{ id: 's', items: ['a'] }] }), [buildAnswers('x.yaml', { a: 1 })]);
    expect(text(noActions, OPTIONS)).toContain('Improvement plan\nThe rubric has no actions for the current gaps.');
  });

  it('puts notes and evidence under their items, with who said them, capped at 5', () => {
    const notes = section(text(MANY, OPTIONS), 'Notes and evidence');
    expect(notes).toContain('Be nice\n  “Nobody said hello when I came in” — Cat (customer)\n');
    const quick = section(notes, 'Respond quickly');
    expect(quick.split('\n').filter((l) => l.startsWith('  “') || l.startsWith('  Evidence: '))).toEqual([
      '  Evidence: “Waited 14 min on hold” — Cat (customer)',
      '  Evidence: “Email answered after 3 days” — Cat (customer)',
      '  Evidence: “Chat closed at 5pm” — Cat (customer)',
      '  “Calls after 6pm ring out, every single time I have tried, which is most weeks since spring” —',
      '  Evidence: “Voicemail full” — customer',
    ]);
    expect(quick).toContain('    customer\n'); // the wrapped attribution hangs under the quote
    expect(quick).toContain('  … 1 more (every quote is in --format markdown or html)');
    expect(text(UNSCORED, OPTIONS)).not.toContain('Notes and evidence');
  });

  it('has no line wider than the terminal (80 to 140) and no trailing spaces', () => {
    for (const width of [80, 100, 140]) {
      for (const report of [ONE, MANY, UNSCORED, HOSTILE]) {
        const lines = text(report, { ...OPTIONS, width }).split('\n');
        for (const line of lines) {
          expect(line, line).not.toMatch(/\s$/);
          expect([...line].length, line).toBeLessThanOrEqual(width);
        }
      }
    }
  });

  it('colours by status, never alone: met cyan, within 1 point yellow, more than 1 point short red, each with its symbol', () => {
    const out = text(ONE, { ...OPTIONS, style: MARKERS, width: 140 });
    expect(out).toContain('<r>gap 1.33</r>'); // overall
    expect(out).toContain('<r>gap 1.67</r>'); // commitments
    expect(out).toContain('<y>gap 0.67</y>'); // keys
    expect(out).toContain('<r>✗ more than 1 point short</r>');
    const cells = (title: string): string => out.split('\n').find((l) => l.startsWith(`│ ${title} `))!;
    expect(cells('Keep promises')).toContain('<c>✓ 0.00</c>');
    expect(cells('Listen first')).toContain('<c>✓ 0.00</c>');
    expect(cells('Follow up')).toContain('<y>! 1.00</y>'); // exactly 1 point short is within 1 point
    expect(cells('Be nice')).toContain('<r>✗ 2.00</r>');
    const many = text(MANY, { ...OPTIONS, style: MARKERS, width: 140 });
    const beNice = many.split('\n').find((l) => l.startsWith('│ Be nice '))!;
    expect(beNice).toContain('<y>! 0.50</y>'); // 3.50 against 4
    expect(beNice).toContain('<r>✗ 2.50</r>'); // customers 1.5 short
    expect(beNice).toContain('<c>✓ 4.50</c>'); // staff above target
    expect(many).toContain('<y>gap 0.');
    // No other colour in the report: the flags and the plan's effort tags are words.
    expect(many).not.toContain('<g>');
    const painted = [...many.matchAll(/<([cyr])>([^<]*)<\/\1>/g)].map((m) => m[2]!);
    for (const text of painted) expect(text).toMatch(/^(gap [\d.]+|[✓!✗] [\d.]+|[✓!✗] (met|within 1 point|more than 1 point short)|█+)$/);
  });

  it('keeps control characters and line breaks in user text out of the terminal', () => {
    const rubric = retitle(buildRubric({ sections: [{ id: 's', items: ['a'] }] }), { a: 'Be\u001b[2Jnice\nnow' });
    const out = text(scoreSets(rubric, [buildAnswers('x.yaml', { a: { score: 2, note: 'bad\u001b]0;title\u0007 note' } })]), OPTIONS);
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('\u0007');
    expect(out).toContain('Be\u241b[2Jnice now'); // shown as a picture of ESC, inert
  });
});

// ---------------------------------------------------------------------------------------------
// markdown

describe('markdown', () => {
  it('matches the golden file for grouped interviews', async () => {
    await expect(markdown(MANY, OPTIONS)).toMatchFileSnapshot(`${FIXTURES}many.md`);
  });

  it('matches the golden file for hostile text', async () => {
    await expect(markdown(HOSTILE, OPTIONS)).toMatchFileSnapshot(`${FIXTURES}hostile.md`);
  });

  it('has the title, Start here, the summary, the sections, top gaps, plan, notes and footer in that order', () => {
    const out = markdown(ONE, OPTIONS);
    const headings = out.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Service Commitments Audit',
      '## Start here',
      '## Sections',
      '### The ten service commitments',
      '### The three keys of good service',
      '## Top gaps',
      '## Improvement plan',
      '### First 30 days',
      '### Days 31-60',
      '## Notes and evidence',
      '### Be nice',
      '### Respond quickly',
    ]);
    expect(out).toContain('| 2.89 | 4.22 | too few answers to judge | 1.33 | 47/100 | ✗ more than 1 point short | 1 |');
    // Who and when, right under the title.
    expect(out.split('\n\n')[1]).toBe('1 respondent · report 2026-11-20 · rubric test-rubric 1.0.0');
    expect(out).toContain('\n5 of 5 answers scored.');
    // No interval column when no section has one.
    expect(out).toContain('| The three keys of good service | 3.33 | 4.00 | 0.67 | 58/100 | 2 of 2 | ! within 1 point |');
    // The item tables give each item its status in words; a self-audit's n, interval, at-target and flags columns say nothing and are left out.
    expect(out).toContain('| Item | Score | Target | Gap | Status |\n');
    expect(out).toContain('| Follow up | 3.00 | 4.00 | 1.00 | ! within 1 point |');
    expect(out).toContain('| Be nice | 2.00 | 4.00 | 2.00 | ✗ more than 1 point short |');
    expect(out.endsWith('---\n\n_Generated by svcaudit on 2026-11-20 · rubric test-rubric 1.0.0_\n')).toBe(true);
  });

  it('lists top gaps and the plan as a task list by phase', () => {
    const out = markdown(ONE, OPTIONS);
    expect(section(out, '## Top gaps', '## Improvement plan')).toContain(
      [
        '1. **Respond quickly**: gap 3.00 (score 1.00, target 4.00), priority 0.67',
        '2. **Be nice**: gap 2.00 (score 2.00, target 4.00), priority 0.44',
        '3. **Follow up**: gap 1.00 (score 3.00, target 4.00), priority 0.22',
      ].join('\n'),
    );
    expect(section(out, '### First 30 days', '### Days 31-60')).toBe(
      [
        '### First 30 days',
        '',
        '- [ ] **Respond quickly** — Publish opening hours on every channel _(effort: low)_',
        '- [ ] **Be nice** — Greet every customer by name _(effort: low)_',
        '- [ ] **Follow up** — Call back every complaint within two days _(effort: medium)_',
        '',
        '',
      ].join('\n'),
    );
    expect(section(out, '### Days 31-60', '## Notes')).toContain('- [ ] **Respond quickly** — Staff the phones until 7pm');
    expect(section(out, '## Start here', '| Overall score')).toBe(
      [
        '## Start here',
        '',
        '**2 of 5 items at target; the largest gap: Respond quickly**',
        '',
        '1. **Respond quickly** — Publish opening hours on every channel _(effort: low)_',
        '2. **Be nice** — Greet every customer by name _(effort: low)_',
        '3. **Follow up** — Call back every complaint within two days _(effort: medium)_',
        '',
        '_Effort: low = days, medium = weeks, high = a quarter-long project._',
        '',
        '',
      ].join('\n'),
    );
  });

  it('shows group columns, flags, unscored items and blockquoted notes', () => {
    const out = markdown(MANY, OPTIONS);
    expect(out).toContain('| Item | Score | Target | 95% CI | Gap | Status | n | n/a | Not answered | At target | Flags | customer | staff | Spread |');
    // Be nice [4,5,2,3]: 2 of 4 at or above the target of 4.
    expect(out).toContain('| Be nice | 3.50 | 4.00 | 1.45–5.00 | 0.50 | ! within 1 point | 4 | 0 | 0 | 50% | perception gap, low agreement | 2.50 | 4.50 | 2.00 |');
    expect(out).toContain('| Keep promises | 3.67 | 5.00 | 2.23–5.00 | 1.33 | ✗ more than 1 point short | 3 | 1 | 0 | 0% |  | 3.50 | 4.00 | 0.50 |');
    expect(out).toContain('| Follow up | 3.00 | 4.00 | 1.00–5.00 | 1.00 | ! within 1 point | 3 | 0 | 1 | 33% |');
    expect(out).toContain('\n18 of 20 answers scored · 1 n/a · 1 not answered. Grouped by role: customer 2.56 (index 39), n 2 · staff 3.78 (index 69), n 2.');
    // Each flag is explained under the first table that shows it.
    const first = section(out, '### The ten service commitments', '### The three keys');
    expect(first).toContain("_Low agreement: respondents' ratings differ widely; read the score with care._");
    expect(first).toContain('Here: Be nice, staff 4.50 over customer 2.50; Respond quickly, staff 3.00 over customer 1.50._');
    expect(out).toContain('> **Evidence:** “Waited 14 min on hold” — Cat (customer)\n\n> **Evidence:** “Email answered');
    expect(out).toContain('## Sources');
    expect(out).toContain('| interviews/cat.yaml | 1 | 4 | 0 | 1 | 5 |');
    const unscored = markdown(UNSCORED, OPTIONS);
    // b: one respondent answered na; n/a and not answered are told apart in the score and in columns of their own.
    expect(unscored).toContain('| Item | Score | Target | Gap | Status | n/a | Not answered |');
    expect(unscored).toContain('| b | n/a | 4.00 | – | – | 1 | 0 |');
    expect(unscored).toContain('| c | not answered | 4.00 | – | – | 0 | 1 |');
    expect(unscored).toContain('| s2 | – | – | – | – | 0 of 1 | – |');
    expect(unscored).not.toContain('## Sources');
  });

  it('escapes user text so it cannot inject HTML or break tables, lists or headings', () => {
    const out = markdown(HOSTILE, OPTIONS);
    for (const raw of ['<script', '</script', '</td>', '<td>', '<img', '<b>', '**bold**', '`code`', '[link](', '_em_']) {
      expect(out, raw).not.toContain(raw);
    }
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('\\`code\\`');
    expect(out).toContain('\\*\\*bold\\*\\*');
    // Every table keeps one shape: the same count of unescaped pipes on every row.
    for (const table of markdownTables(out)) {
      const pipes = unescapedPipes(table[0]!);
      for (const row of table) expect(unescapedPipes(row), row).toBe(pipes);
    }
    // No user text starts a line: every line is ours (a heading, table, list, quote, or a known paragraph).
    const lines = out.split('\n');
    expect(lines.filter((l) => l.startsWith('#')).every((l) => /^#{1,3} /.test(l))).toBe(true);
    expect(lines).not.toContain('# injected heading');
    expect(out).toContain('| \\# not a heading - not a list | 2.50 |');
    expect(out).toContain('> “line one \\# injected heading \\| x \\| y \\| &lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;alert(2)&lt;/script&gt;” — &lt;b&gt;Eve&lt;/b&gt;\\|\\`x\\` (st\\|aff &lt;script&gt;)');
  });

  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['a|b', 'a\\|b'],
    ['`code`', '\\`code\\`'],
    ['**bold** _em_ ~~del~~', '\\*\\*bold\\*\\* \\_em\\_ \\~\\~del\\~\\~'],
    ['[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    ['![img](http://x)', '\\!\\[img\\](http\\://x)'], // the bare URL inside is no autolink either
    ['# title ##', '\\# title \\#\\#'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['1. item', '1\\. item'],
    ['2) item', '2\\) item'],
    ['> quote', '&gt; quote'],
    ['a\\b', 'a\\\\b'],
    ['AT&T &lt;', 'AT&amp;T &amp;lt;'],
    ['$x$ math', '\\$x\\$ math'],
    ['one\ntwo\r\nthree', 'one two three'],
    ['  padded\t', 'padded'],
    ['follow-up 3.5', 'follow-up 3.5'],
    ['1.0.0', '1.0.0'],
    ['-5 points', '\\-5 points'],
  ])('escapeMarkdown(%j) = %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});
