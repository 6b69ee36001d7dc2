/**
 * The HTML reports (`score --format html`, `compare --format html`) as
 * strings: one self-contained document, no script, nothing fetched, charts
 * drawn as accessible inline SVG, and every piece of user text escaped. The
 * hostile fixture (tests/fixtures/hostile/) is read with the real loaders, and
 * the same report goes through the Markdown formatter too. The browser test
 * (tests/e2e/html-report.browser.test.ts) checks what a real page does with it.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAnswerSets } from '../../src/inputs/read-answer-sets.js';
import { compareSides } from '../../src/compare/compare.js';
import { RespondentTable } from '../../src/compare/respondent-table.js';
import type { ScoredSide } from '../../src/compare/side.js';
import { expandInputs } from '../../src/inputs/expand-inputs.js';
import { COMPARE_FORMAT_NAMES, loadCompareFormat } from '../../src/report/compare/formats.js';
import { groupValues } from '../../src/report/gap/group-values.js';
import { GAP_FORMAT_NAMES, loadGapFormat } from '../../src/report/gap/formats.js';
import { CONTENT_SECURITY_POLICY } from '../../src/report/html/document.js';
import { escapeHtml } from '../../src/report/html/escape-html.js';
import { html, trusted } from '../../src/report/html/html.js';
import { PART_HEIGHT } from '../../src/report/html/chart-parts.js';
import { fitText } from '../../src/report/html/text-fit.js';
import { textWidth } from '../../src/report/html/text-measure.js';
import { plainStyle } from '../../src/report/shared/style.js';
import { loadRubric } from '../../src/rubric/load-rubric.js';
import type { Rubric } from '../../src/rubric/model.js';
import { addAnswerSet, buildReport, createTally } from '../../src/scoring/index.js';
import type { Report } from '../../src/scoring/report.js';
import { REPO } from '../helpers/run-cli.js';
import { loadAll } from '../helpers/formats.js';

const GAP_FORMATS = await loadAll(GAP_FORMAT_NAMES, loadGapFormat);
const COMPARE_FORMATS = await loadAll(COMPARE_FORMAT_NAMES, loadCompareFormat);

const OPTIONS = { style: plainStyle, width: 100, date: '2026-11-20' };

/**
 * The charts and lists are drawn from every group and quote, so these reports show groups of any
 * size (`--min-group 1`) and name respondents (`--attribution name`); the defaults have tests of their own.
 */
async function scoreFolder(folder: string, rubricRef: string | undefined, by?: string): Promise<{ report: Report; rubric: Rubric; side: ScoredSide }> {
  const { rubric } = await loadRubric(rubricRef);
  const tally = createTally(rubric, { by, attribution: 'name' });
  const table = new RespondentTable(rubric, { by });
  const files = await expandInputs([join(REPO, folder)], ['.yaml', '.yml', '.csv']);
  const read = await readAnswerSets(files, rubric, (set) => {
    addAnswerSet(tally, set);
    table.add(set);
  });
  expect(read.findings.filter((f) => f.severity === 'error')).toEqual([]);
  const report = buildReport(tally, { minGroup: 1 });
  return { report, rubric, side: { kind: 'scored', rubric, report, table } };
}

/** One answers file, scored the way `score` does. */
async function scoreFolderFile(file: string): Promise<{ report: Report }> {
  const { rubric } = await loadRubric(undefined);
  const tally = createTally(rubric, {});
  await readAnswerSets([join(REPO, file)], rubric, (set) => addAnswerSet(tally, set));
  return { report: buildReport(tally) };
}

let examples: Report;
let followUp: Report;
let hostile: Report;
let sides: { examples: ScoredSide; followUp: ScoredSide; hostile: ScoredSide };
beforeAll(async () => {
  const [e, f, h] = [
    await scoreFolder('examples/interviews', undefined, 'role'),
    await scoreFolder('examples/follow-up', undefined),
    await scoreFolder('tests/fixtures/hostile/answers', join(REPO, 'tests/fixtures/hostile/rubric.yaml'), 'role'),
  ];
  [examples, followUp, hostile] = [e.report, f.report, h.report];
  sides = { examples: e.side, followUp: f.side, hostile: h.side };
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

  it('cuts chart labels to a width, between graphemes, before escaping, with an ellipsis', () => {
    const title = 'Remove what hinders good service';
    expect(fitText(title, 246)).toBe(title);
    // Exactly as wide as the estimate: fits, so never cut.
    expect(fitText(title, textWidth(title, { size: 12 }))).toBe(title);
    expect(fitText(title, 100)).toBe('Remove what…');
    expect(textWidth('Remove what…', { size: 12 })).toBeLessThanOrEqual(100);
    expect(fitText('<script>alert(1)</script>', 80)).toBe('<script>a…');
    // CJK is a square: 4 characters and the ellipsis fill 5 em.
    expect(fitText('顧客サービスの質', 60)).toBe('顧客サー…');
    expect(fitText('a\n\tb   c', 100)).toBe('a b c');
    // Bold is wider: the section titles' font cuts sooner.
    expect(textWidth(title, { size: 12, bold: true })).toBeGreaterThan(textWidth(title, { size: 12 }));
  });

  it('estimates widths on the long side of DejaVu Sans, the widest face of the font stack', () => {
    // DejaVu Sans Book advances, in em: "Be accessible and respond quickly" sets 17.24 em.
    expect(textWidth('Be accessible and respond quickly', { size: 1 })).toBeGreaterThanOrEqual(17.24);
    expect(textWidth('Be accessible and respond quickly', { size: 1 })).toBeLessThan(17.24 * 1.1);
    expect(textWidth('MW', { size: 10 })).toBe(20);
    expect(textWidth('é', { size: 10 })).toBe(textWidth('e', { size: 10 }));
    expect(textWidth('e\u0301', { size: 10 })).toBe(textWidth('e', { size: 10 }));
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

  it('draws the three charts as accessible inline SVG, each in a wide and a narrow drawing: items against target, gaps, groups', () => {
    // The parts a long wide drawing is printed in (chart-parts.ts) have no id of their own.
    const svgs = (page.match(/<svg[^>]*>/g) ?? []).filter((tag) => !tag.includes('chart-part'));
    expect(svgs.map((tag) => /id="([^"]+)"/.exec(tag)?.[1])).toEqual(['chart-items', 'chart-items-narrow', 'chart-gaps', 'chart-gaps-narrow', 'chart-groups', 'chart-groups-narrow']);
    for (const tag of svgs) {
      const id = /id="([^"]+)"/.exec(tag)![1]!;
      expect(tag).toContain('role="img"');
      expect(tag).toContain(`aria-labelledby="${id}-title ${id}-desc"`);
      expect(tag).toMatch(id.endsWith('-narrow') ? /viewBox="0 0 360 \d+"/ : /viewBox="0 0 760 \d+"/);
      expect(page).toContain(`<title id="${id}-title">`);
      expect(page).toMatch(new RegExp(`<desc id="${id}-desc">[^<]{40,}</desc>`));
    }
    // One bar per scored item (13), each item's target tick, and the customer/manager/staff bars of every item.
    const items = page.slice(page.indexOf('id="chart-items"'), page.indexOf('</svg>', page.indexOf('id="chart-items"')));
    expect(count(items, /<rect class="bar-/)).toBe(13);
    expect(count(items, /<line class="target"/)).toBe(13);
    const groups = chartMarkup(page, 'chart-groups');
    // Customers cannot judge remove-hindrances and train-everyone (their audience is staff and managers).
    expect(count(groups, /<rect class="bar-/)).toBe(13 * 3 - 2);
    expect(count(groups, /<rect class="band"/)).toBe(examples.items.filter((i) => i.flags.includes('perception-gap')).length);
  });

  it('has the summary cards, tables, plan and evidence', () => {
    for (const label of ['Overall score', 'Index', 'Gap to target', 'Respondents']) expect(page).toContain(`<p class="label">${label}</p>`);
    for (const heading of ['Sections', 'Items', 'Improvement plan', 'Notes and evidence', 'By role: perception gaps']) expect(page).toContain(`<h2>${heading}</h2>`);
    expect(page).toContain('<h3>First 30 days</h3>');
    expect(page).toContain('Waited 14 min on hold on 3 Oct before anyone answered');
    expect(page).toContain('<footer>Ayesha Begum (customer)</footer>');
    expect(page).toContain('Generated by svcaudit on 2026-11-20 · rubric service-commitments 2.0.0');
  });

  it('explains each flag under the first table that shows it, and a perception gap where its chart is', () => {
    const items = page.slice(page.indexOf('<h2>Items</h2>'));
    const first = items.indexOf('<p class="note">Low agreement:');
    expect(first).toBeGreaterThan(0);
    expect(items.indexOf('<span class="pill pill-flag">low agreement</span>')).toBeLessThan(first);
    expect(items.match(/read the score with care/g)).toHaveLength(1);
    expect(page).toContain('<p>A perception gap means the highest and the lowest group&#39;s scores differ by the --perception-gap threshold (1 point unless set) or more.');
  });

  it('gives a self-audit no columns of 1s and blanks: no n, interval, share at target or flags', async () => {
    const self = (await scoreFolderFile('examples/self-audit.yaml')).report;
    const out = GAP_FORMATS.html(self, OPTIONS);
    const table = out.slice(out.indexOf('<h2>Items</h2>'), out.indexOf('</table>', out.indexOf('<h2>Items</h2>')));
    const heads = [...table.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(heads).toEqual(['Item', 'Score', 'Target', 'Gap', 'Status']);
    // A 3 and a 2 against a target of 4 are in different bands, by word, symbol and colour.
    expect(table).toContain('<span class="pill pill-near">! within 1 point</span>');
    expect(table).toContain('<span class="pill pill-short">✗ more than 1 point short</span>');
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

/** One chart's wide drawing: from its `<svg id=…>` to the end of its last part (the narrow drawing follows it). */
function chartMarkup(page: string, id: string): string {
  const start = page.indexOf(`<svg class="chart" id="${id}"`);
  return page.slice(start, page.indexOf('<div class="chart-narrow">', start));
}

/** The text of every `<text>` in some markup, in order. */
function texts(markup: string, className?: string): string[] {
  const pattern = className === undefined ? /<text[^>]*>([^<]*)<\/text>/g : new RegExp(`<text class="${className}"[^>]*>([^<]*)</text>`, 'g');
  return [...markup.matchAll(pattern)].map((m) => m[1]!);
}

const numbers = (markup: string, pattern: RegExp): number[] => [...markup.matchAll(pattern)].map((m) => Number(m[1]));

describe('score --format html: chart layout', () => {
  let page: string;
  let byName: Report;
  beforeAll(async () => {
    page = GAP_FORMATS.html(examples, OPTIONS);
    byName = (await scoreFolder('examples/interviews', undefined, 'name')).report;
  });

  it('sets the groups figures in a column right of the plot, clear of every bar, interval and target tick', () => {
    const groups = chartMarkup(page, 'chart-groups');
    const barEnds = [...groups.matchAll(/<rect class="bar-[a-z]+" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]) + Number(m[2]));
    const whiskerEnds = [...groups.matchAll(/<path class="ci" d="M[\d.]+ [\d.]+H([\d.]+)/g)].map((m) => Number(m[1]));
    const ticks = numbers(groups, /<line class="target" x1="([\d.]+)"/g);
    // Each figure is right-aligned at the edge; the widest one a score can be starts this far left of it.
    const figures = [...groups.matchAll(/<text class="figure[^"]*" x="([\d.]+)" y="[\d.]+" text-anchor="end">([^<]*)</g)];
    expect(figures).toHaveLength(13 * 3);
    expect(new Set(figures.map((m) => m[1]))).toEqual(new Set(['752']));
    const start = 752 - Math.max(...figures.map((m) => textWidth(m[2]!, { size: 10 })));
    expect(start).toBeGreaterThan(Math.max(...barEnds, ...whiskerEnds, ...ticks) + 4);
    // Every group named beside its bar, the spreads on the title's line.
    expect(texts(groups, 'group-name')).toHaveLength(13 * 3);
    expect(groups).toMatch(/<text class="axis" x="752" y="[\d.]+" text-anchor="end">spread \d\.\d\d<\/text>/);
    expect(groups).toMatch(/<text class="flag" x="752" y="[\d.]+" text-anchor="end">perception gap · spread \d\.\d\d<\/text>/);
  });

  it("gives each group's bar its 95% interval, drawn across it", () => {
    const groups = chartMarkup(page, 'chart-groups');
    const withInterval = examples.items.flatMap((item) => Object.values(item.groups)).filter((figure) => figure.ci !== null).length;
    expect(withInterval).toBeGreaterThan(0);
    expect(count(groups, /<path class="ci" /)).toBe(withInterval);
    expect(count(groups, /<path class="ci-casing" /)).toBe(withInterval);
  });

  it('cuts a title the same in every chart, and only when it does not fit', () => {
    const long = ' and much else besides, said at length';
    const report: Report = { ...examples, items: examples.items.map((item) => ({ ...item, title: item.title + long })) };
    const html = GAP_FORMATS.html(report, OPTIONS);
    const titles = (id: string): string[] => texts(chartMarkup(html, id)).filter((t) => t.endsWith('…'));
    const items = titles('chart-items');
    expect(items).toHaveLength(13);
    expect(new Set(titles('chart-gaps'))).toEqual(new Set(items));
    expect(new Set(titles('chart-groups'))).toEqual(new Set(items));
    // The real titles fit: none is cut, in the gaps chart (ranked) either.
    expect(texts(chartMarkup(page, 'chart-gaps')).filter((t) => t.includes('…'))).toEqual([]);
    expect(texts(chartMarkup(page, 'chart-gaps'))).toContain('Be accessible and respond quickly');
  });

  it('tells groups apart by name, not colour: every bar is coloured by its status against the target', () => {
    const named = GAP_FORMATS.html(byName, OPTIONS);
    const groups = chartMarkup(named, 'chart-groups');
    expect(groups).not.toMatch(/fill="#/);
    for (const name of groupValues(byName)) expect(texts(groups, 'group-name')).toContain(name);
    // A bar's class is the status its tooltip names, and its figure carries that status's symbol.
    const bars = [...groups.matchAll(/<g><title>[^<]*: [\d.]+ \(n \d+\), ([a-z0-9 ]+)<\/title><text class="group-name"[^>]*>[^<]*<\/text><rect class="bar-([a-z]+)"[^]*?<text class="figure" [^>]*>([✓!✗]) /g)];
    expect(bars.length).toBe(count(groups, /<rect class="bar-/));
    const band = { met: ['met', '✓'], 'within 1 point': ['near', '!'], 'more than 1 point short': ['short', '✗'] } as const;
    for (const [, label, cls, symbol] of bars) expect([cls, symbol]).toEqual(band[label as keyof typeof band]);
    expect(new Set(bars.map((m) => m[2]))).toEqual(new Set(['met', 'near', 'short']));
    expect(named).toContain('Each item lists its groups in the same order, each named beside its bar');
  });

  it('draws a chart taller than a page in page-sized parts, the first one the accessible image', () => {
    const named = GAP_FORMATS.html(byName, OPTIONS);
    const groups = chartMarkup(named, 'chart-groups');
    const svgs = groups.match(/<svg[^>]*>/g) ?? [];
    expect(svgs.length).toBeGreaterThan(1);
    expect(svgs[0]).toContain('role="img" aria-labelledby="chart-groups-title chart-groups-desc"');
    expect(count(groups, /role="img"/)).toBe(1);
    for (const tag of svgs.slice(1)) {
      expect(tag).toContain('class="chart chart-part" aria-hidden="true"');
      expect(Number(/height="(\d+)"/.exec(tag)![1])).toBeLessThanOrEqual(PART_HEIGHT + 40);
    }
    // Every bar drawn once across the parts.
    expect(count(groups, /<rect class="bar-/)).toBe(byName.items.reduce((n, item) => n + Object.values(item.groups).filter((v) => v !== null).length, 0));
  });

  it('gives the table alone past twelve groups, and says why', () => {
    const values = Array.from({ length: 13 }, (_, i) => `group ${i + 1}`);
    const groups = Object.fromEntries(values.map((value) => [value, { score: 3, n: 3, ci: null }]));
    const many: Report = {
      ...examples,
      groups: values.map((value) => ({ value, n: 3, shown: true, overall: { score: 3, index: 50, ci: null } })),
      items: examples.items.map((item) => ({ ...item, groups })),
    };
    const html = GAP_FORMATS.html(many, OPTIONS);
    expect(html).not.toContain('chart-groups');
    expect(html).toContain('With 13 groups (more than 12) a bar per group no longer reads');
    expect(html).toContain('<th scope="col" class="num">group 13</th>');
  });
});

describe('score --format html: print and phone', () => {
  let page: string;
  beforeAll(() => {
    page = GAP_FORMATS.html(examples, OPTIONS);
  });

  it('keeps each chart with its heading and introduction in one block that print does not split', () => {
    expect(page).toMatch(/<div class="keep"><h2>By role: perception gaps<\/h2><p>[^<]+<\/p><figure><div class="chart-wide"><svg class="chart" id="chart-groups"/);
    expect(page).toMatch(/<div class="keep"><h2>Every item against its target<\/h2><figure><div class="chart-wide"><svg class="chart" id="chart-items"/);
    expect(page).toMatch(/<div class="keep"><h2>Gaps in priority order<\/h2><figure><div class="chart-wide"><svg class="chart" id="chart-gaps"/);
    const print = page.slice(page.indexOf('@media print'));
    expect(print).toMatch(/\.keep \{ break-inside: avoid;/);
    expect(print).toMatch(/\.cards \{ grid-template-columns: repeat\(4, minmax\(0, 1fr\)\)/);
    expect(print).toMatch(/h2, h3 \{ break-after: avoid;/);
  });

  it('opens with a summary for page 1 (Start here and the verdict, the overall figures, every item against its target), then the detail', () => {
    const summary = page.slice(page.indexOf('<div class="summary">'), page.indexOf('<div class="detail">'));
    const headings = [...summary.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(['Start here', 'Overall', 'Every item against its target']);
    expect(summary).toContain('<p class="verdict">');
    expect(summary).toContain('id="chart-items"');
    expect(page.indexOf('<div class="summary">')).toBeLessThan(page.indexOf('<div class="detail">'));
    expect(page.slice(page.indexOf('@media print'))).toMatch(/\.summary \{ break-after: page;/);
  });

  it('starts every section with its heading', () => {
    for (const html of [page, COMPARE_FORMATS.html(compareSides(sides.examples, sides.followUp), OPTIONS)]) {
      const sections = [...html.matchAll(/<section[^>]*>(.{0,40})/g)].map((m) => m[1]!);
      expect(sections.length).toBeGreaterThan(5);
      for (const start of sections) expect(start).toMatch(/^(<div class="keep">)?<h2>/);
    }
  });

  it('shows the narrow drawing of each chart on a phone-sized screen and the wide one everywhere else, paper included, with no minimum width that would scroll', () => {
    expect(page).not.toContain('min-width: 640px');
    expect(page).not.toContain('chart-scroll');
    expect(page).toMatch(/\.chart-narrow \{ display: none; \}/);
    expect(page).toMatch(/@media screen and \(max-width: 720px\) \{\n {2}\.chart-wide \{ display: none; \}\n {2}\.chart-narrow \{ display: block;/);
    const print = page.slice(page.indexOf('@media print'));
    expect(print).toContain('.chart-wide { display: block !important; }');
    expect(print).toContain('.chart-narrow { display: none !important; }');
  });
});

describe('compare --format html: the follow-up audit', () => {
  it("adds the follow-up's plan and its notes and evidence, labelled as the follow-up's", () => {
    const c = compareSides(sides.examples, sides.followUp, { beforeInput: 'examples/interviews', afterInput: 'examples/follow-up' });
    const page = COMPARE_FORMATS.html(c, { ...OPTIONS, followUp });
    // The input's last part only: the folders above it are the consultant's own disk.
    expect(page).toContain('<h2>Improvement plan (follow-up audit)</h2><p class="note">From the follow-up audit: follow-up (10 respondents, fieldwork 2027-04-12 to 2027-04-16).</p>');
    expect(page).not.toContain('examples/');
    expect(page).toContain('<h2>Notes and evidence (follow-up audit)</h2>');
    expect(page).toContain('I phoned at 7pm and got a real person.');
    expect(page).toContain('<footer>Ayesha Begum (customer)</footer>');
    expect(page).toContain('<h3>First 30 days</h3>');
    // A baseline note is not the follow-up's.
    expect(page).not.toContain('Waited 14 min on hold on 3 Oct before anyone answered');
    // Without the follow-up (the API called with a comparison alone), neither section.
    expect(COMPARE_FORMATS.html(c, OPTIONS)).not.toContain('(follow-up audit)');
  });

  it('shows an item that reached its target in the examples', () => {
    const c = compareSides(sides.examples, sides.followUp);
    expect(c.items.filter((item) => item.reachedTarget).map((item) => item.id)).toEqual(['keep-your-cool', 'smile']);
    const page = COMPARE_FORMATS.html(c, OPTIONS);
    expect(page).toContain('<h3>Reached target (2)</h3>');
    expect(page).toContain('<span class="pill pill-flag">reached target</span>');
  });

  it('draws every item\'s change with its interval, its verdict in shape and word', () => {
    const c = compareSides(sides.examples, sides.followUp);
    const page = COMPARE_FORMATS.html(c, OPTIONS);
    expect(page).toContain('id="chart-changes"');
    const chart = page.slice(page.indexOf('id="chart-changes"'), page.indexOf('</svg>', page.indexOf('id="chart-changes"')));
    // One whisker (three lines) per item with an interval, one marker per item with a change.
    expect(chart.match(/<line class="whisker /g)).toHaveLength(3 * c.items.filter((item) => item.ci !== null).length);
    expect(chart.match(/class="mark /g)).toHaveLength(c.items.filter((item) => item.change !== null).length);
    expect(chart).toContain('class="zero"');
    for (const item of c.items) expect(chart).toContain(`>${item.verdict}`);
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
    const page = COMPARE_FORMATS.html(compareSides(sides.hostile, sides.hostile, { beforeInput: 'in/x<script>alert(1)', afterInput: 'after"\'', by: 'role', minGroup: 1 }), OPTIONS);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<(img|iframe|link|b)[\s>]/i);
    expect(count(page, /<h1[\s>]/)).toBe(1);
    expect(count(page, /<td[\s>]/)).toBe(count(page, /<\/td>/));
    expect(page).toContain('x&lt;script&gt;alert(1)');
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
    const md = COMPARE_FORMATS.markdown(compareSides(sides.hostile, sides.hostile, { beforeInput: 'a|b', afterInput: '<b>x</b>', by: 'role', minGroup: 1 }), OPTIONS);
    expect(md).not.toMatch(/<script|<\/td>|<b>/i);
    expect(md).toContain('a\\|b');
  });
});
