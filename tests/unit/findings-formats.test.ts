import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Severity } from '../../src/core/finding.js';
import { RULE_IDS, RULES, type RuleId } from '../../src/core/rules.js';
import { plainStyle, type Style } from '../../src/report/shared/style.js';
import { artifactLocation, pascalCase } from '../../src/report/findings/sarif.js';
import { escapeData, escapeProperty } from '../../src/report/findings/github.js';
import { displayWidth } from '../../src/report/shared/text-width.js';
import { FINDINGS_FORMAT_NAMES, loadFindingsFormat } from '../../src/report/findings/formats.js';
import { countFindings, exceedsMaxWarnings } from '../../src/report/findings/summary.js';
import type { FindingsFormatOptions } from '../../src/report/findings/types.js';
import type { FileFindings } from '../../src/core/file-findings.js';
import { loadAll } from '../helpers/formats.js';
import { sharedDir } from '../helpers/shared-dir.js';

const FINDINGS_FORMATS = await loadAll(FINDINGS_FORMAT_NAMES, loadFindingsFormat);
const { stylish, json, junit, sarif, github } = FINDINGS_FORMATS;

// ---------------------------------------------------------------------------------------------
// Inputs

function at(
  file: string,
  rule: RuleId,
  line: number,
  column: number,
  message: string,
  extra: { severity?: Severity; endLine?: number; endColumn?: number } = {},
): Finding {
  return { rule, severity: RULES[rule].severity, message, file, line, column, ...extra };
}

const RUBRIC = 'rubrics/main.yaml';
const UNICODE = 'answers/ünï côdé.yaml';

/** Findings deliberately out of order, a clean file in the middle, and unicode. */
const SAMPLE: readonly FileFindings[] = [
  {
    file: RUBRIC,
    kind: 'rubric',
    findings: [
      at(RUBRIC, 'item-without-levels', 12, 7, 'Item `be-nice` has no level descriptors.'),
      at(RUBRIC, 'duplicate-id', 3, 5, 'Section id `commitments` is used twice.', { endLine: 3, endColumn: 16 }),
      at(RUBRIC, 'schema-unknown-key', 12, 3, 'Unknown key `wieght`; did you mean `weight`?'),
    ],
  },
  { file: 'answers/dana.yaml', kind: 'answers', findings: [] },
  {
    file: UNICODE,
    kind: undefined,
    findings: [
      at(UNICODE, 'answers-unknown-item', 4, 3, 'L’élément « répondre-vite » n’existe pas 😀'),
      at(UNICODE, 'target-at-minimum', 2, 1, '目標が最小値です'),
    ],
  },
];

const CLEAN: readonly FileFindings[] = [
  { file: 'a.yaml', kind: 'rubric', findings: [] },
  { file: 'b.yaml', kind: 'answers', findings: [] },
];

/** One warning and nothing else. */
const ONE_WARNING: readonly FileFindings[] = [
  { file: 'r.yaml', kind: 'rubric', findings: [at('r.yaml', 'target-at-minimum', 9, 13, 'Target 1 is the scale minimum.')] },
];

/** Characters that every format has to survive. */
const NASTY_MESSAGE = 'Bad <script>&"\'</script> ]]> 50%\r\nnext: a, b\u0000\u0008\u001b[31mend';
const NASTY_FILE = 'dir,1/a:b %.yaml';
const NASTY: readonly FileFindings[] = [
  { file: NASTY_FILE, kind: 'answers', findings: [at(NASTY_FILE, 'yaml-syntax', 1, 2, NASTY_MESSAGE)] },
];

const OPTIONS: FindingsFormatOptions = { style: plainStyle, toolVersion: '1.2.3', maxWarnings: undefined };

/** Deep-freezes the inputs, so a formatter that sorts in place throws instead of passing. */
function frozen(results: readonly FileFindings[]): readonly FileFindings[] {
  return Object.freeze(
    results.map((r) => Object.freeze({ ...r, findings: Object.freeze(r.findings.map((f) => Object.freeze({ ...f }))) })),
  );
}

// ---------------------------------------------------------------------------------------------
// The registry and the shared helpers

describe('FINDINGS_FORMATS', () => {
  it('lists the formats the README lists, the default first', () => {
    expect(FINDINGS_FORMAT_NAMES).toEqual(['stylish', 'json', 'junit', 'sarif', 'github']);
    expect(Object.keys(FINDINGS_FORMATS)).toEqual(FINDINGS_FORMAT_NAMES);
  });

  it.each(FINDINGS_FORMAT_NAMES)('%s is pure: same output twice, inputs untouched, ends with a newline', (name) => {
    const input = frozen(SAMPLE);
    const first = FINDINGS_FORMATS[name](input, OPTIONS);
    expect(FINDINGS_FORMATS[name](input, OPTIONS)).toBe(first);
    expect(first.endsWith('\n')).toBe(true);
    expect(first.endsWith('\n\n')).toBe(false);
  });

  it('counts errors and warnings over all files', () => {
    expect(countFindings(SAMPLE)).toEqual({ errors: 3, warnings: 2 });
    expect(countFindings([])).toEqual({ errors: 0, warnings: 0 });
  });

  it.each([
    [undefined, 2, false],
    [2, 2, false],
    [1, 2, true],
    [0, 1, true],
    [0, 0, false],
    [-1, 5, false], // ESLint's "no limit"
  ])('exceedsMaxWarnings(max %s, %i warnings) is %s', (max, warnings, expected) => {
    expect(exceedsMaxWarnings({ errors: 0, warnings }, max)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// stylish

describe('stylish', () => {
  it.each([
    ['no files', []],
    ['only clean files', CLEAN],
  ])('prints nothing at all for %s', (_, results) => {
    expect(stylish(results, OPTIONS)).toBe('');
  });

  it('prints aligned rows per file, sorted by position, then the summary', () => {
    expect(stylish(SAMPLE, OPTIONS)).toBe(
      [
        'rubrics/main.yaml',
        '  3:5   error    Section id `commitments` is used twice.       duplicate-id',
        '  12:3  error    Unknown key `wieght`; did you mean `weight`?  schema-unknown-key',
        '  12:7  warning  Item `be-nice` has no level descriptors.      item-without-levels',
        '',
        'answers/ünï côdé.yaml',
        '  2:1  warning  目標が最小値です                             target-at-minimum',
        '  4:3  error    L’élément « répondre-vite » n’existe pas 😀  answers-unknown-item',
        '',
        '✖ 5 problems (3 errors, 2 warnings)',
        '',
      ].join('\n'),
    );
  });

  it('aligns the rule column by terminal width, with CJK and emoji counting two columns', () => {
    const block = stylish([SAMPLE[2]!], OPTIONS).split('\n').slice(1, 3);
    const ruleStarts = block.map((line) => displayWidth(line.slice(0, line.search(/\S+$/))));
    expect(ruleStarts[0]).toBe(ruleStarts[1]);
    expect(displayWidth('目標')).toBe(4);
    expect(displayWidth('😀')).toBe(2);
    expect(displayWidth('é')).toBe(1);
    expect(displayWidth('e\u0301')).toBe(1); // e + combining acute
  });

  it('colours through the injected style', () => {
    const marker = (tag: string) => (s: string) => `<${tag}>${s}</${tag}>`;
    const style: Style = { ...plainStyle, red: marker('r'), yellow: marker('y'), dim: marker('d'), underline: marker('u') };
    const lines = stylish(SAMPLE, { ...OPTIONS, style }).split('\n');
    expect(lines[0]).toBe('<u>rubrics/main.yaml</u>');
    // Padding stays outside the colour, so the columns line up once the codes are gone.
    expect(lines[1]).toBe('  <d>3:5</d>   <r>error</r>    Section id `commitments` is used twice.       <d>duplicate-id</d>');
    expect(lines[3]).toBe('  <d>12:7</d>  <y>warning</y>  Item `be-nice` has no level descriptors.      <d>item-without-levels</d>');
    expect(lines.at(-2)).toBe('<r>✖ 5 problems (3 errors, 2 warnings)</r>');
    expect(stylish(ONE_WARNING, { ...OPTIONS, style }).split('\n').at(-2)).toBe('<y>✖ 1 problem (0 errors, 1 warning)</y>');
  });

  it.each([
    [undefined, false],
    [2, false],
    [1, true],
    [0, true],
  ])('with --max-warnings %s, says too many warnings: %s', (maxWarnings, tooMany) => {
    const lines = stylish(SAMPLE, { ...OPTIONS, maxWarnings }).trimEnd().split('\n');
    if (tooMany) {
      expect(lines.at(-1)).toBe(`svcaudit found too many warnings (maximum: ${maxWarnings}).`);
      expect(lines.at(-2)).toBe('✖ 5 problems (3 errors, 2 warnings)');
    } else {
      expect(lines.at(-1)).toBe('✖ 5 problems (3 errors, 2 warnings)');
    }
  });

  it('keeps each finding on one row and control characters away from the terminal', () => {
    const lines = stylish(NASTY, OPTIONS).split('\n');
    expect(lines).toHaveLength(5); // file, row, blank, summary, final newline
    expect(lines[1]).toBe(`  1:2  error  Bad <script>&"'</script> ]]> 50% next: a, b\u2400\u2408\u241b[31mend  yaml-syntax`);
    expect(stylish(NASTY, OPTIONS)).not.toMatch(/[\u0000-\u0009\u000B-\u001F]/);
  });
});

// ---------------------------------------------------------------------------------------------
// json

describe('json', () => {
  it('has every file, clean ones included, with counts and sorted findings', () => {
    const out = json(SAMPLE, OPTIONS);
    expect(JSON.parse(out)).toEqual({
      svcaudit: 1,
      files: [
        {
          file: RUBRIC,
          kind: 'rubric',
          errorCount: 2,
          warningCount: 1,
          findings: [
            { rule: 'duplicate-id', severity: 'error', message: 'Section id `commitments` is used twice.', line: 3, column: 5, endLine: 3, endColumn: 16 },
            { rule: 'schema-unknown-key', severity: 'error', message: 'Unknown key `wieght`; did you mean `weight`?', line: 12, column: 3 },
            { rule: 'item-without-levels', severity: 'warning', message: 'Item `be-nice` has no level descriptors.', line: 12, column: 7 },
          ],
        },
        { file: 'answers/dana.yaml', kind: 'answers', errorCount: 0, warningCount: 0, findings: [] },
        {
          file: UNICODE,
          kind: null,
          errorCount: 1,
          warningCount: 1,
          findings: [
            { rule: 'target-at-minimum', severity: 'warning', message: '目標が最小値です', line: 2, column: 1 },
            { rule: 'answers-unknown-item', severity: 'error', message: 'L’élément « répondre-vite » n’existe pas 😀', line: 4, column: 3 },
          ],
        },
      ],
      errorCount: 3,
      warningCount: 2,
    });
  });

  it('is JSON with 2-space indentation and nothing else, even when empty', () => {
    const out = json([], OPTIONS);
    expect(out).toBe('{\n  "svcaudit": 1,\n  "files": [],\n  "errorCount": 0,\n  "warningCount": 0\n}\n');
    const sample = json(SAMPLE, OPTIONS);
    expect(sample).toBe(`${JSON.stringify(JSON.parse(sample), null, 2)}\n`);
  });

  it('keeps messages exactly, control characters included', () => {
    const parsed = JSON.parse(json(NASTY, OPTIONS)) as { files: [{ file: string; findings: [{ message: string }] }] };
    expect(parsed.files[0].file).toBe(NASTY_FILE);
    expect(parsed.files[0].findings[0].message).toBe(NASTY_MESSAGE);
  });
});

// ---------------------------------------------------------------------------------------------
// junit

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string): string =>
  s.replace(/&(#\d+|\w+);/g, (_, e: string) => (e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : XML_ENTITIES[e]!));

/**
 * A small, strict reader for the subset of XML that the JUnit output uses (a declaration,
 * elements, double-quoted attributes, text, the five entities and decimal references). It throws
 * on anything else, so it checks well-formedness as well as giving the tree to assert on.
 */
function parseXml(xml: string): XmlElement {
  if (/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(xml)) throw new Error('character not allowed in XML 1.0');
  const decl = '<?xml version="1.0" encoding="UTF-8"?>\n';
  if (!xml.startsWith(decl)) throw new Error('missing XML declaration');
  const ref = '&(?:amp|lt|gt|quot|apos|#\\d+);';
  const token = new RegExp(
    `<(/?)([A-Za-z_][\\w.-]*)((?:\\s+[A-Za-z_][\\w.-]*="(?:[^"<&]|${ref})*")*)\\s*(/?)>|((?:[^<&]|${ref})+)`,
    'y',
  );
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack = [root];
  token.lastIndex = decl.length;
  while (token.lastIndex < xml.length) {
    const start = token.lastIndex;
    const m = token.exec(xml);
    if (!m) throw new Error(`not well-formed at offset ${start}: ${JSON.stringify(xml.slice(start, start + 30))}`);
    const [, close, name, attrs, selfClose, text] = m;
    const top = stack.at(-1)!;
    if (text !== undefined) {
      if (text.includes(']]>')) throw new Error('`]]>` in text');
      if (stack.length === 1 && text.trim() !== '') throw new Error('text outside the root element');
      top.text += unescapeXml(text);
    } else if (close) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
    } else {
      const el: XmlElement = { name: name!, attrs: {}, children: [], text: '' };
      for (const [, key, value] of attrs!.matchAll(/([\w.-]+)="([^"]*)"/g)) {
        if (key! in el.attrs) throw new Error(`attribute ${key} repeated`);
        el.attrs[key!] = unescapeXml(value!);
      }
      if (stack.length === 1 && root.children.length > 0) throw new Error('more than one root element');
      top.children.push(el);
      if (!selfClose) stack.push(el);
    }
  }
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)!.name}> is not closed`);
  return root.children[0]!;
}

describe('junit', () => {
  it.each([
    ['an unescaped < in an attribute', '<a b="<"/>'],
    ['a bare &', '<a>&</a>'],
    ['mismatched tags', '<a></b>'],
    ['an unclosed tag', '<a>'],
    ['`]]>` in text', '<a>]]></a>'],
    ['a NUL character', '<a>\u0000</a>'],
  ])('the well-formedness check rejects %s', (_, body) => {
    expect(() => parseXml(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`)).toThrow();
  });

  it('matches the golden file', async () => {
    await expect(junit(SAMPLE, OPTIONS)).toMatchFileSnapshot('../fixtures/findings-formats/sample.junit.xml');
  });

  it('has one testsuite per file, a testcase per finding and a passing one per clean file', () => {
    const doc = parseXml(junit(SAMPLE, OPTIONS));
    expect(doc.name).toBe('testsuites');
    expect(doc.attrs).toEqual({ name: 'svcaudit', tests: '6', failures: '3' });
    expect(doc.children.map((s) => [s.attrs.name, s.attrs.tests, s.attrs.failures])).toEqual([
      [RUBRIC, '3', '2'],
      ['answers/dana.yaml', '1', '0'],
      [UNICODE, '2', '1'],
    ]);
    const [rubric, clean, unicode] = doc.children;
    expect(rubric!.children.map((c) => c.attrs.name)).toEqual([
      'duplicate-id 3:5',
      'schema-unknown-key 12:3',
      'item-without-levels 12:7',
    ]);
    // A warning is shown, but as a passing test case: the run it comes from exits 0.
    const warning = rubric!.children[2]!;
    expect(warning.attrs.classname).toBe(RUBRIC);
    expect(warning.children[0]).toMatchObject({ name: 'system-out', attrs: {} });
    expect(warning.children[0]!.text).toContain(`warning at ${RUBRIC}:12:7`);
    expect(warning.children[0]!.text).toContain(RULES['item-without-levels'].help);
    expect(clean!.children).toEqual([
      { name: 'testcase', attrs: { name: 'no problems', classname: 'answers/dana.yaml' }, children: [], text: '' },
    ]);
    expect(unicode!.children[1]!.children[0]!.attrs.message).toBe('L’élément « répondre-vite » n’existe pas 😀');
  });

  it('escapes markup and drops characters XML 1.0 cannot hold', () => {
    const xml = junit(NASTY, OPTIONS);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain(']]>');
    expect(xml).toContain('&lt;script&gt;&amp;&quot;&apos;');
    const testcase = parseXml(xml).children[0]!.children[0]!;
    expect(testcase.attrs.classname).toBe(NASTY_FILE);
    const failure = testcase.children[0]!;
    // Everything survives a round trip but NUL, backspace and ESC; CR and LF stay, as references.
    expect(failure.attrs.message).toBe(NASTY_MESSAGE.replace(/[\u0000\u0008\u001b]/g, ''));
    expect(failure.text).toContain('50%\r\nnext: a, b[31mend');
  });

  it('calls no warning a failure in a run that exits 0', () => {
    const doc = parseXml(junit(ONE_WARNING, OPTIONS));
    expect(doc.attrs.failures).toBe('0');
    expect(doc.children[0]!.attrs.failures).toBe('0');
    const testcase = doc.children[0]!.children[0]!;
    expect(testcase.children.map((c) => c.name)).toEqual(['system-out']);
    expect(testcase.children[0]!.text).toContain('warning at r.yaml:9:13');
  });

  it('calls warnings failures when they exceed --max-warnings, as the exit code does', () => {
    for (const maxWarnings of [0, 1]) {
      const doc = parseXml(junit(ONE_WARNING, { ...OPTIONS, maxWarnings }));
      const exceeded = exceedsMaxWarnings(countFindings(ONE_WARNING), maxWarnings);
      expect(doc.attrs.failures).toBe(exceeded ? '1' : '0');
      expect(doc.children[0]!.children[0]!.children[0]!.name).toBe(exceeded ? 'failure' : 'system-out');
    }
  });

  it('is an empty but valid report for no files', () => {
    const doc = parseXml(junit([], OPTIONS));
    expect(doc).toEqual({ name: 'testsuites', attrs: { name: 'svcaudit', tests: '0', failures: '0' }, children: [], text: '\n' });
  });
});

// ---------------------------------------------------------------------------------------------
// sarif

// The schema uses `format`; ajv needs a checker for each. No ajv-formats dependency for three
// formats: `uri` must parse as an absolute URL, `uri-reference` may only hold RFC 3986 characters
// and well-formed percent escapes (which catches a path that was not encoded).
const ajv = new Ajv.default({ allErrors: true, strict: false });
ajv.addFormat('uri', (s: string) => URL.canParse(s));
ajv.addFormat('uri-reference', /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/);
ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: Record<string, any>[] } };
    results: Record<string, any>[];
  }[];
}

function sarifOf(results: readonly FileFindings[]): SarifLog {
  return JSON.parse(sarif(results, OPTIONS)) as SarifLog;
}

describe('sarif', () => {
  // Read when these tests start, so that a missing schema fails them alone, saying where it looked.
  let validateSarif: ValidateFunction;
  beforeAll(() => {
    validateSarif = ajv.compile(JSON.parse(readFileSync(join(sharedDir(), 'schemas/sarif-schema-2.1.0.json'), 'utf8')) as object);
  });

  it.each([
    ['the sample', SAMPLE],
    ['no files', []],
    ['clean files', CLEAN],
    ['nasty text', NASTY],
  ])('validates against the official SARIF 2.1.0 schema: %s', (_, results) => {
    const log = sarifOf(results);
    expect(validateSarif(log), ajv.errorsText(validateSarif.errors)).toBe(true);
  });

  it.each([
    ['an unknown level', (log: SarifLog) => (log.runs[0]!.results[0]!.level = 'fatal')],
    ['a wrong version', (log: SarifLog) => (log.version = '2.0.0')],
    ['a line 0', (log: SarifLog) => (log.runs[0]!.results[0]!.locations[0].physicalLocation.region.startLine = 0)],
    ['a URI with a space', (log: SarifLog) => (log.runs[0]!.results[0]!.locations[0].physicalLocation.artifactLocation.uri = 'a b.yaml')],
  ])('the schema check rejects %s', (_, breakIt) => {
    const log = sarifOf(SAMPLE);
    breakIt(log);
    expect(validateSarif(log)).toBe(false);
  });

  it('matches the golden file', async () => {
    await expect(sarif(SAMPLE, OPTIONS)).toMatchFileSnapshot('../fixtures/findings-formats/sample.sarif.json');
  });

  it('describes the tool and every rule, used or not', () => {
    const log = sarifOf([]);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const { driver } = log.runs[0]!.tool;
    expect(driver).toMatchObject({ name: 'svcaudit', version: '1.2.3', informationUri: 'https://www.npmjs.com/package/svcaudit' });
    expect(driver.rules.map((r) => r.id)).toEqual(RULE_IDS);
    expect(driver.rules.find((r) => r.id === 'item-without-levels')).toEqual({
      id: 'item-without-levels',
      name: 'ItemWithoutLevels',
      shortDescription: { text: RULES['item-without-levels'].summary },
      fullDescription: { text: RULES['item-without-levels'].summary },
      help: { text: RULES['item-without-levels'].help },
      helpUri: 'https://github.com/svcaudit/svcaudit/blob/main/docs/rules.md#item-without-levels',
      defaultConfiguration: { level: 'warning' },
    });
    for (const rule of driver.rules) expect(rule.helpUri).toBe(`https://github.com/svcaudit/svcaudit/blob/main/docs/rules.md#${rule.id}`);
    expect(log.runs[0]!.results).toEqual([]);
  });

  it('gives each result its rule index, level, message and region, in file and position order', () => {
    const { tool, results } = sarifOf(SAMPLE).runs[0]!;
    expect(results.map((r) => [r.ruleId, r.level, r.locations[0].physicalLocation.region])).toEqual([
      ['duplicate-id', 'error', { startLine: 3, startColumn: 5, endLine: 3, endColumn: 16 }],
      ['schema-unknown-key', 'error', { startLine: 12, startColumn: 3 }],
      ['item-without-levels', 'warning', { startLine: 12, startColumn: 7 }],
      ['target-at-minimum', 'warning', { startLine: 2, startColumn: 1 }],
      ['answers-unknown-item', 'error', { startLine: 4, startColumn: 3 }],
    ]);
    for (const r of results) expect(tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
    expect(results[4]!.message).toEqual({ text: 'L’élément « répondre-vite » n’existe pas 😀' });
    expect(results[4]!.locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'answers/%C3%BCn%C3%AF%20c%C3%B4d%C3%A9.yaml',
      uriBaseId: '%SRCROOT%',
    });
  });

  it.each([
    ['rubric.yaml', { uri: 'rubric.yaml', uriBaseId: '%SRCROOT%' }],
    ['./a/./b c.yaml', { uri: 'a/./b%20c.yaml', uriBaseId: '%SRCROOT%' }],
    ['dir\\sub\\x.yaml', { uri: 'dir/sub/x.yaml', uriBaseId: '%SRCROOT%' }],
    // Outside the working folder: under %SRCROOT% it would name a place outside the checkout.
    ['../up.yaml', { uri: '../up.yaml' }],
    ['a/../../up.yaml', { uri: 'a/../../up.yaml' }],
    ['..', { uri: '..' }],
    ['a/../b.yaml', { uri: 'a/../b.yaml', uriBaseId: '%SRCROOT%' }],
    ['..x/y.yaml', { uri: '..x/y.yaml', uriBaseId: '%SRCROOT%' }],
    ['a:b#1%?.yaml', { uri: 'a%3Ab%231%25%3F.yaml', uriBaseId: '%SRCROOT%' }],
    ['<stdin>', { uri: 'stdin', uriBaseId: '%SRCROOT%' }],
    ['/home/me/my file.yaml', { uri: 'file:///home/me/my%20file.yaml' }],
    ['C:\\audits\\r.yaml', { uri: 'file:///C:/audits/r.yaml' }],
  ])('artifactLocation(%j)', (file, expected) => {
    expect(artifactLocation(file)).toEqual(expected);
  });

  it.each([
    ['file-empty', 'FileEmpty'],
    ['answers-score-out-of-scale', 'AnswersScoreOutOfScale'],
    ['a1-b2', 'A1B2'],
  ])('pascalCase(%s) is %s', (id, name) => {
    expect(pascalCase(id)).toBe(name);
  });
});

// ---------------------------------------------------------------------------------------------
// github

describe('github', () => {
  it('prints one command per finding, in order, then a plain summary', () => {
    expect(github(SAMPLE, OPTIONS)).toBe(
      [
        '::error file=rubrics/main.yaml,line=3,col=5,endLine=3,endColumn=16,title=duplicate-id::Section id `commitments` is used twice.',
        '::error file=rubrics/main.yaml,line=12,col=3,title=schema-unknown-key::Unknown key `wieght`; did you mean `weight`?',
        '::warning file=rubrics/main.yaml,line=12,col=7,title=item-without-levels::Item `be-nice` has no level descriptors.',
        `::warning file=${UNICODE},line=2,col=1,title=target-at-minimum::目標が最小値です`,
        `::error file=${UNICODE},line=4,col=3,title=answers-unknown-item::L’élément « répondre-vite » n’existe pas 😀`,
        'svcaudit: 5 problems (3 errors, 2 warnings) in 2 files',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['no files', [], 'svcaudit: no problems in 0 files\n'],
    ['clean files', CLEAN, 'svcaudit: no problems in 2 files\n'],
    [
      'one warning',
      ONE_WARNING,
      '::warning file=r.yaml,line=9,col=13,title=target-at-minimum::Target 1 is the scale minimum.\nsvcaudit: 1 problem (0 errors, 1 warning) in 1 file\n',
    ],
  ])('summarises %s', (_, results, expected) => {
    expect(github(results, OPTIONS)).toBe(expected);
  });

  it.each([
    ['100%', '100%25', '100%25'],
    ['%0A stays literal', '%250A stays literal', '%250A stays literal'],
    ['a\r\nb\rc\nd', 'a%0D%0Ab%0Dc%0Ad', 'a%0D%0Ab%0Dc%0Ad'],
    ['key: a, b', 'key: a, b', 'key%3A a%2C b'],
    ['::error::x', '::error::x', '%3A%3Aerror%3A%3Ax'],
  ])('escapes %j as data %j and as a property %j', (raw, data, property) => {
    expect(escapeData(raw)).toBe(data);
    expect(escapeProperty(raw)).toBe(property);
  });

  it('cannot be broken out of by a file name or message', () => {
    const lines = github(NASTY, OPTIONS).split('\n');
    expect(lines).toHaveLength(3); // the command, the summary, the final newline
    expect(lines[0]).toBe(
      '::error file=dir%2C1/a%3Ab %25.yaml,line=1,col=2,title=yaml-syntax::' +
        // Control characters shown inert: the job log is a terminal too.
        'Bad <script>&"\'</script> ]]> 50%25%0D%0Anext: a, b\u2400\u2408\u241b[31mend',
    );
  });
});
