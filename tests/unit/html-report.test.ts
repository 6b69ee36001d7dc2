/**
 * The HTML reports (`score --format html`, `compare --format html`) as
 * strings: one self-contained document, no script, nothing fetched, charts
 * drawn as accessible inline SVG, and every piece of user text escaped. The
 * hostile fixture (tests/fixtures/hostile/) is read with the real loaders, and
 * the same report goes through the Markdown formatter too. The browser test
 * (tests/e2e/html-report.browser.test.ts) checks what a real page does with it.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAnswerSets } from '../../src/answers/read-answer-sets.js';
import { compareReports } from '../../src/compare/compare.js';
import { expandInputs } from '../../src/io/expand-inputs.js';
import { COMPARE_FORMATS } from '../../src/report/compare/index.js';
import { GAP_FORMATS } from '../../src/report/gap/index.js';
import { CONTENT_SECURITY_POLICY } from '../../src/report/html/document.js';
import { escapeHtml } from '../../src/report/html/escape-html.js';
import { html, trusted } from '../../src/report/html/html.js';
import { fitText } from '../../src/report/html/text-fit.js';
import { plainStyle } from '../../src/report/style.js';
import { loadRubric } from '../../src/rubric/load-rubric.js';
import type { Rubric } from '../../src/rubric/model.js';
import { addAnswerSet, buildReport, createTally } from '../../src/scoring/index.js';
import type { Report } from '../../src/scoring/report.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const OPTIONS = { style: plainStyle, width: 100, date: '2026-11-20' };

async function scoreFolder(folder: string, rubricRef: string | undefined, by?: string): Promise<{ report: Report; rubric: Rubric }> {
  const { rubric } = await loadRubric(rubricRef);
  const tally = createTally(rubric, { by });
  const files = await expandInputs([`${REPO}${folder}`], ['.yaml', '.yml', '.csv']);
  const read = await readAnswerSets(files, rubric, (set) => addAnswerSet(tally, set));
  expect(read.findings.filter((f) => f.severity === 'error')).toEqual([]);
  return { report: buildReport(rubric, tally), rubric };
}

let examples: Report;
let followUp: Report;
let hostile: Report;
beforeAll(async () => {
  examples = (await scoreFolder('examples/interviews', undefined, 'role')).report;
  followUp = (await scoreFolder('examples/follow-up', undefined)).report;
  hostile = (await scoreFolder('tests/fixtures/hostile/answers', `${REPO}tests/fixtures/hostile/rubric.yaml`, 'role')).report;
});

/** The user text of the hostile fixture, each of which must appear only escaped. */
const HOSTILE_TEXT = [
  "Audit <script>alert(1)</script> | **bold** `code` & \"quotes\" 'single'",
  'a|b </td><td> <style>body{display:none}</style>',
  '<script>alert(1)</script>',
  '</td></tr></table><h1>Injected</h1>',
  "a | b | c `tick` \"quoted\" 'single' &copy;",
  '<img src=x onerror=alert(1)> then `rm -rf /` | pipe &amp; entity',
  '<svg onload=alert(1)>',
  'line one | x | y | </td></tr></table><script>alert(1)</script>',
  '<iframe src="https://evil.example/"></iframe>',
  '</td><td>injected cell</td>',
  '<style>*{color:red}</style><link rel=stylesheet href=http://evil.example/x.css>',
  'st|aff <script>alert(3)</script>',
  '<b>Eve</b>|`x`',
  'Mallory"><script>alert(2)</script>',
];

/** Tags of an element, counted: a start tag is `<name` followed by a space, `>` or `/`. */
function count(page: string, pattern: RegExp): number {
  return page.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))?.length ?? 0;
}

describe('escapeHtml and the html template', () => {
  it('escapes the five characters with a meaning in HTML', () => {
    expect(escapeHtml(`& < > " '`)).toBe('&amp; &lt; &gt; &quot; &#39;');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('replaces control characters that are parse errors in HTML and fatal in XML', () => {
    expect(escapeHtml('a\u0000b\u001bc\u007fd\te\nf')).toBe('a\uFFFDb\uFFFDc\uFFFDd\te\nf');
  });

  it('escapes every interpolated string, in content and in attributes, but not built markup', () => {
    const title = '"><script>alert(1)</script>';
    const inner = html`<b>${title}</b>`;
    const out = html`<p title="${title}">${inner}${[title, 1, null, undefined, false]}${trusted('<i>ok</i>')}</p>`.text;
    expect(out).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"><b>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</b>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;1<i>ok</i></p>',
    );
  });

  it('cuts chart labels between graphemes, before escaping, with an ellipsis', () => {
    expect(fitText('Remove what hinders good service', 40)).toBe('Remove what hinders good service');
    expect(fitText('Remove what hinders good service', 12)).toBe('Remove what…');
    expect(fitText('<script>alert(1)</script>', 10)).toBe('<script>a…');
    // CJK takes two columns: 4 characters fill 8 columns, and the ellipsis takes the ninth.
    expect(fitText('顧客サービスの質', 9)).toBe('顧客サー…');
    expect(fitText('a\n\tb   c', 10)).toBe('a b c');
  });
});

describe('score --format html: structure', () => {
  let page: string;
  beforeAll(() => {
    page = GAP_FORMATS.html(examples, OPTIONS);
  });

  it('is one complete document', () => {
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
    expect(count(page, /<html[\s>]/)).toBe(1);
    expect(count(page, /<body[\s>]/)).toBe(1);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('<title>Service Commitments Audit</title>');
  });

  it('holds no script and loads nothing: no URL, no external style sheet, font or image', () => {
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/https?:\/\//i);
    expect(page).not.toMatch(/<link|@import|@font-face|url\(|<img|<iframe|<object|<embed/i);
    expect(page).not.toMatch(/<[a-z][^<>]*\son[a-z]+=/i);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`);
    expect(CONTENT_SECURITY_POLICY).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(count(page, /<style>/)).toBe(1);
  });

  it('draws the three charts as accessible inline SVG: items against target, gaps, groups', () => {
    const svgs = page.match(/<svg[^>]*>/g) ?? [];
    expect(svgs.map((tag) => /id="([^"]+)"/.exec(tag)?.[1])).toEqual(['chart-items', 'chart-gaps', 'chart-groups']);
    for (const tag of svgs) {
      const id = /id="([^"]+)"/.exec(tag)![1]!;
      expect(tag).toContain('role="img"');
      expect(tag).toContain(`aria-labelledby="${id}-title ${id}-desc"`);
      expect(tag).toMatch(/viewBox="0 0 760 \d+"/);
      expect(page).toContain(`<title id="${id}-title">`);
      expect(page).toMatch(new RegExp(`<desc id="${id}-desc">[^<]{40,}</desc>`));
    }
    // One bar per scored item (13), each item's target tick, and the customer/manager/staff bars of every item.
    const items = page.slice(page.indexOf('id="chart-items"'), page.indexOf('</svg>', page.indexOf('id="chart-items"')));
    expect(count(items, /<rect class="bar-/)).toBe(13);
    expect(count(items, /<line class="target"/)).toBe(13);
    const groups = page.slice(page.indexOf('id="chart-groups"'), page.indexOf('</svg>', page.indexOf('id="chart-groups"')));
    expect(count(groups, /<rect x=/)).toBe(13 * 3);
    expect(count(groups, /<rect class="band"/)).toBe(examples.items.filter((i) => i.flags.includes('perception-gap')).length);
  });

  it('has the summary cards, tables, plan and evidence', () => {
    for (const label of ['Overall score', 'Index', 'Gap to target', 'Respondents']) expect(page).toContain(`<p class="label">${label}</p>`);
    for (const heading of ['Sections', 'Items', 'Improvement plan', 'Notes and evidence', 'By role: perception gaps']) expect(page).toContain(`<h2>${heading}</h2>`);
    expect(page).toContain('<h3>First 30 days</h3>');
    expect(page).toContain('Waited 14 min on hold on 3 Oct before anyone answered');
    expect(page).toContain('<footer>Ayesha Begum (customer)</footer>');
    expect(page).toContain('Generated by svcaudit on 2026-11-20 · rubric service-commitments 1.0.0');
  });

  it('prints cleanly: page breaks avoid splitting charts and tables', () => {
    expect(page).toMatch(/@media print \{[^]*figure, table[^]*break-inside: avoid/);
    expect(page).toContain('@page');
  });

  it('leaves out the groups chart and its section without --by', () => {
    const ungrouped = GAP_FORMATS.html(followUp, OPTIONS);
    expect(ungrouped).not.toContain('chart-groups');
    expect(ungrouped).not.toContain('perception gaps</h2>');
    expect(ungrouped).toContain('id="chart-items"');
  });
});

describe('hostile text', () => {
  it('is escaped everywhere in the HTML report: no element, attribute or entity of its own survives', () => {
    const page = GAP_FORMATS.html(hostile, OPTIONS);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<(img|iframe|link|b)[\s>]/i);
    expect(page).not.toMatch(/<h1>Injected|<svg onload/i);
    expect(count(page, /<h1[\s>]/)).toBe(1);
    expect(page).not.toMatch(/<[a-z][^<>]*\son[a-z]+=/i);
    // Only the report's own style sheet.
    expect(count(page, /<style[\s>]/i)).toBe(1);
    // Every cell opened is closed once: no `</td>` of the fixture's closes one early.
    expect(count(page, /<td[\s>]/)).toBe(count(page, /<\/td>/));
    expect(count(page, /<table[\s>]/)).toBe(count(page, /<\/table>/));
    expect(count(page, /<tr[\s>]/)).toBe(count(page, /<\/tr>/));
    // Entities in the text are shown as typed: `&copy;` stays six characters, not ©.
    expect(page).toContain('&amp;copy;');
    expect(page).not.toMatch(/[^;]&copy;/);
    for (const text of ['<script>alert(1)</script>', '</td><td>injected cell</td>', 'Mallory"><script>alert(2)</script>', "'single'"]) {
      expect(page).toContain(escapeHtml(text));
    }
    expect(page).toContain(`<title>${escapeHtml(HOSTILE_TEXT[0]!)}</title>`);
  });

  it('keeps the hostile group values, names and notes as text in the compare report too', () => {
    const page = COMPARE_FORMATS.html(compareReports(hostile, hostile, { beforeInput: '<script>before</script>', afterInput: 'after"\'' }), OPTIONS);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<(img|iframe|link|b)[\s>]/i);
    expect(count(page, /<h1[\s>]/)).toBe(1);
    expect(count(page, /<td[\s>]/)).toBe(count(page, /<\/td>/));
    expect(page).toContain('&lt;script&gt;before&lt;/script&gt;');
    expect(page).toContain('after&quot;&#39;');
    expect(page).toContain('id="chart-before-after"');
  });

  it('is escaped in the Markdown report, with every table row intact', () => {
    const md = GAP_FORMATS.markdown(hostile, OPTIONS);
    expect(md).not.toMatch(/<script/i);
    expect(md).not.toContain('</td>');
    expect(md).not.toMatch(/<(img|iframe|link|h1|b|style|svg)[\s>]/i);
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).toContain('\\`rm -rf /\\`');
    // A table's rows each have as many unescaped pipes as its header row.
    const unescapedPipes = (line: string): number => line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length - 1;
    const tables = md.split('\n\n').filter((block) => block.startsWith('| '));
    expect(tables.length).toBeGreaterThanOrEqual(4);
    for (const table of tables) {
      const [header, ...rows] = table.split('\n');
      for (const row of rows) expect(unescapedPipes(row), row).toBe(unescapedPipes(header!));
    }
  });

  it('is escaped in the compare Markdown', () => {
    const md = COMPARE_FORMATS.markdown(compareReports(hostile, hostile, { beforeInput: 'a|b', afterInput: '<b>x</b>' }), OPTIONS);
    expect(md).not.toMatch(/<script|<\/td>|<b>/i);
    expect(md).toContain('a\\|b');
  });
});
