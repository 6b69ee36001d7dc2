/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The HTML reports in a real headless Chromium: the built binary writes them as a consultant
 * would, and the browser must show them with no console error, no request but the file itself,
 * every chart drawn at a size its text reads at, hostile rubric and answers text shown as text,
 * on a 1280-px desktop and on a 390-px phone without the page scrolling sideways, and printed to
 * A4 with the summary filling page 1, the detail from page 2 and no heading left at the foot of a
 * page. The status and verdict colours Chromium computes are checked under simulated
 * colour-vision deficiencies (tests/helpers/colour-vision.ts), and each colour must keep one
 * meaning on a page.
 *
 * Screenshots, PDFs and the pages of each PDF as images go to test-artifacts/ (git-ignored) for a
 * person to look at; test-artifacts/docs/ holds the ones the README shows, to copy to docs/ after
 * a deliberate change to the page.
 *
 * Runs wherever /usr/bin/chromium exists (Debian's `chromium` package; .ci/run installs it), with
 * poppler-utils' pdftotext and pdftoppm reading the printed pages back. Skipped without them only
 * outside CI: in CI a missing tool must fail the run, not hide it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chroma, closePairs } from '../helpers/colour-vision.js';
import { REPO, svcaudit, requireBuild } from '../helpers/run-cli.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(REPO, 'test-artifacts');
const DOCS = join(ARTIFACTS, 'docs');
const HOSTILE_TITLE = "Audit <script>alert(1)</script> | **bold** `code` & \"quotes\" 'single'";
const skip = !existsSync(CHROMIUM) && !process.env.CI;
const PDFTOTEXT = '/usr/bin/pdftotext';
const PDFTOPPM = '/usr/bin/pdftoppm';
const skipPdf = !(existsSync(PDFTOTEXT) && existsSync(PDFTOPPM)) && !process.env.CI;
const WIDTHS = [1280, 390] as const;
/** CIEDE2000 between any two status (or verdict) colours, with any of the four visions: see tests/unit/html-colour-vision.test.ts. */
const DISTINCT = 20;

type Report = 'score' | 'self' | 'compare' | 'hostile';

interface Loaded {
  readonly page: Page;
  readonly url: string;
  readonly errors: string[];
  readonly requests: string[];
}

describe.skipIf(skip)('HTML reports in headless Chromium', () => {
  let tmp: string;
  let browser: Browser;
  const files: Record<Report, string> = { score: '', self: '', compare: '', hostile: '' };

  /** The binary, as a user runs it: no stack trace, exit 0. */
  async function run(args: readonly string[]): Promise<void> {
    const result = await svcaudit(args);
    expect(result.code, result.stderr).toBe(0);
  }

  beforeAll(async () => {
    requireBuild();
    tmp = mkdtempSync(join(tmpdir(), 'svcaudit-html-'));
    mkdirSync(DOCS, { recursive: true });
    for (const name of Object.keys(files) as Report[]) files[name] = join(tmp, `${name}.html`);
    await Promise.all([
      run(['score', 'examples/interviews', '--by', 'role', '--format', 'html', '--output', files.score]),
      run(['score', 'examples/self-audit.yaml', '--format', 'html', '--output', files.self]),
      run(['compare', 'examples/interviews', 'examples/follow-up', '--format', 'html', '--output', files.compare]),
      run(['score', 'tests/fixtures/hostile/answers', '--rubric', 'tests/fixtures/hostile/rubric.yaml', '--by', 'role', '--min-group', '1', '--attribution', 'name', '--format', 'html', '--output', files.hostile]),
    ]);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** Opens a report in a fresh context at a width (390 as a phone), recording every console error, page error and request. */
  async function open(file: string, width = 1280): Promise<Loaded> {
    const phone = width < 500;
    const context = await browser.newContext(phone ? { viewport: { width, height: 844 }, isMobile: true, hasTouch: true } : { viewport: { width, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
    page.on('request', (request) => requests.push(request.url()));
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: 'load' });
    return { page, url, errors, requests };
  }

  async function expectCleanLoad(loaded: Loaded): Promise<void> {
    expect(loaded.errors).toEqual([]);
    expect(loaded.requests).toEqual([loaded.url]);
    expect(await loaded.page.locator('script').count()).toBe(0);
  }

  /** The ids of the charts a reader sees: one drawing of each, with a box of a readable size. */
  async function visibleCharts(page: Page): Promise<string[]> {
    return page.locator('svg.chart[role="img"]').evaluateAll((svgs) =>
      svgs.filter((svg) => svg.checkVisibility() && svg.getBoundingClientRect().width > 50 && svg.getBoundingClientRect().height > 50).map((svg) => svg.id),
    );
  }

  async function expectVisibleCharts(page: Page, ids: readonly string[]): Promise<void> {
    expect(await visibleCharts(page)).toEqual(ids);
    for (const id of ids) expect((await page.locator(`svg#${id} > title`).textContent())?.length, id).toBeGreaterThan(5);
  }

  it('shows the score report: no errors, no requests, the three charts drawn wide on a desktop', async () => {
    const loaded = await open(files.score);
    await expectCleanLoad(loaded);
    await expectVisibleCharts(loaded.page, ['chart-items', 'chart-gaps', 'chart-groups']);
    const text = await loaded.page.locator('body').innerText();
    expect(text).toContain('Service Commitments Audit');
    expect(text).toMatch(/Overall score\s+2\.94/i);
    expect(text).toContain('Waited 14 min on hold on 3 Oct before anyone answered');
    await loaded.page.screenshot({ path: join(ARTIFACTS, 'html-report.png'), fullPage: true });
    await loaded.page.setViewportSize({ width: 1200, height: 1010 });
    await loaded.page.screenshot({ path: join(DOCS, 'html-report.png') });
    const groups = await loaded.page.locator('#chart-groups').boundingBox();
    await loaded.page.screenshot({ path: join(DOCS, 'html-report-groups.png'), clip: { x: 0, y: groups!.y - 120, width: 1200, height: 900 }, fullPage: true });
    await loaded.page.context().close();
  });

  describe.each(WIDTHS)('at %i px wide', (width) => {
    it.each(['score', 'self', 'compare', 'hostile'] as const)('%s: the page never scrolls sideways; every chart, target tick and value is on screen at a readable size', async (name) => {
      const loaded = await open(files[name], width);
      const { page } = loaded;
      expect(loaded.errors).toEqual([]);
      const overflow = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
      expect(overflow.scrollWidth, JSON.stringify(overflow)).toBeLessThanOrEqual(overflow.innerWidth);
      const charts = await visibleCharts(page);
      expect(charts.length).toBeGreaterThanOrEqual(name === 'compare' ? 2 : name === 'self' ? 2 : 3);
      // The phone gets the narrow drawings, the desktop the wide ones.
      for (const id of charts) expect(id.endsWith('-narrow'), id).toBe(width < 500);
      const layout = await page.locator('svg.chart').evaluateAll((svgs) =>
        svgs
          .filter((svg) => svg.checkVisibility())
          .map((svg) => {
            const box = svg.getBoundingClientRect();
            const units = (svg as SVGSVGElement).viewBox.baseVal.width;
            const marks = [...svg.querySelectorAll('line.target, text.value, text.figure')].map((el) => el.getBoundingClientRect());
            return { id: svg.id, left: box.left, right: box.right, label: (box.width / units) * 12, marksLeft: Math.min(...marks.map((m) => m.left)), marksRight: Math.max(...marks.map((m) => m.right)), marks: marks.length };
          }),
      );
      for (const chart of layout) {
        expect(chart.left, chart.id).toBeGreaterThanOrEqual(0);
        expect(chart.right, chart.id).toBeLessThanOrEqual(width);
        // A 12-unit label at 11 CSS pixels or more.
        expect(chart.label, chart.id).toBeGreaterThanOrEqual(11);
        if (chart.marks > 0) {
          expect(chart.marksLeft, chart.id).toBeGreaterThanOrEqual(0);
          expect(chart.marksRight, chart.id).toBeLessThanOrEqual(width);
        }
      }
      // Tables too wide for a phone scroll in their own box, never the page.
      expect(new Set(await page.locator('.table-wrap').evaluateAll((boxes) => boxes.map((box) => getComputedStyle(box).overflowX)))).toEqual(new Set(['auto']));
      await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
      if (name === 'score' && width < 500) {
        const chart = await page.locator('#chart-items-narrow').boundingBox();
        await page.screenshot({ path: join(DOCS, 'html-report-phone.png'), clip: { x: 0, y: chart!.y - 80, width, height: 844 }, fullPage: true });
      }
      if (name === 'compare' && width > 500) {
        await page.setViewportSize({ width: 1000, height: 1250 });
        await page.screenshot({ path: join(DOCS, 'compare-report.png') });
      }
      await page.context().close();
    });

    it('sets no chart label over another, a bar or a target tick (items, gaps and groups charts)', async () => {
      const loaded = await open(files.score, width);
      const suffix = width < 500 ? '-narrow' : '';
      for (const id of ['chart-groups', 'chart-items', 'chart-gaps'].map((c) => `${c}${suffix}`)) {
        const clashes = await loaded.page.locator(`svg#${id}`).evaluate((svg) => {
          type Box = { name: string; left: number; right: number; top: number; bottom: number };
          const box = (el: Element): Box => {
            const r = el.getBoundingClientRect();
            // Half a pixel of slack: glyph boxes include the font's line gap.
            return { name: `${el.tagName} ${el.textContent?.slice(0, 30) ?? ''}`, left: r.left + 0.5, right: r.right - 0.5, top: r.top + 0.5, bottom: r.bottom - 0.5 };
          };
          const meets = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          const labels = [...svg.querySelectorAll('text')].map(box);
          const marks = [...svg.querySelectorAll('line.target, rect:not(.band)')].map(box);
          const found: string[] = [];
          labels.forEach((a, i) => {
            for (const b of labels.slice(i + 1)) if (meets(a, b)) found.push(`${a.name} × ${b.name}`);
            for (const m of marks) if (meets(a, m)) found.push(`${a.name} × ${m.name}`);
          });
          return found;
        });
        expect(clashes, id).toEqual([]);
      }
      await loaded.page.context().close();
    });
  });

  /** The colours Chromium paints each element with, by the classes of the element and its ancestors (nearest first). */
  async function paintedColours(page: Page): Promise<{ colour: string; classes: string[] }[]> {
    return page.evaluate(() => {
      const out: { colour: string; classes: string[] }[] = [];
      for (const el of document.querySelectorAll('body *')) {
        if (!el.checkVisibility()) continue;
        const style = getComputedStyle(el);
        const classes: string[] = [];
        for (let at: Element | null = el; at !== null; at = at.parentElement) classes.push(...at.classList);
        const own = [style.color, style.backgroundColor, el instanceof SVGElement ? style.fill : '', el instanceof SVGElement ? style.stroke : '', style.borderLeftWidth !== '0px' ? style.borderLeftColor : '', style.borderTopWidth !== '0px' ? style.borderTopColor : ''];
        for (const colour of own) if (colour !== '' && colour !== 'none' && !colour.startsWith('rgba(0, 0, 0, 0)')) out.push({ colour, classes });
      }
      return out;
    });
  }

  /** What a colour says, from the nearest class that gives it a meaning. */
  function meaning(classes: readonly string[]): string {
    for (const cls of classes) {
      const status = /(?:^|-)(met|near|short)$/.exec(cls);
      if (status) return `status ${status[1]}`;
      const verdict = /(improved|slipped)/.exec(cls) ?? (cls === 'ch-up' ? ['', 'improved'] : cls === 'ch-down' ? ['', 'slipped'] : null);
      if (verdict) return `verdict ${verdict[1]}`;
    }
    return 'none';
  }

  it.each([
    ['score', 'status'],
    ['compare', 'verdict'],
  ] as const)('%s: each hue on the page means one %s, and those colours stay apart under simulated colour-vision deficiencies', async (name, kind) => {
    const loaded = await open(files[name]);
    const painted = (await paintedColours(loaded.page)).filter(({ colour }) => chroma(colour) >= 10);
    const meanings = new Map<string, Set<string>>();
    for (const { colour, classes } of painted) meanings.set(colour, (meanings.get(colour) ?? new Set()).add(meaning(classes)));
    for (const [colour, said] of meanings) {
      expect([...said], colour).toHaveLength(1);
      expect([...said][0], colour).toMatch(new RegExp(`^${kind} `));
    }
    // The colours as drawn: the score report's bars of each band, the comparison's key of its verdicts.
    const colourOf = async (selector: string, property: 'fill' | 'backgroundColor'): Promise<string> => {
      const colours = await loaded.page.locator(selector).evaluateAll((els, prop) => [...new Set(els.filter((el) => el.checkVisibility()).map((el) => getComputedStyle(el)[prop]))], property);
      expect(colours, selector).toHaveLength(1);
      return colours[0]!;
    };
    const drawn =
      kind === 'status'
        ? { met: await colourOf('rect.bar-met', 'fill'), near: await colourOf('rect.bar-near', 'fill'), short: await colourOf('rect.bar-short', 'fill') }
        : {
            improved: await colourOf('.legend .fill-improved', 'backgroundColor'),
            slipped: await colourOf('.legend .fill-slipped', 'backgroundColor'),
            'no clear change': await colourOf('.legend .fill-muted', 'backgroundColor'),
            before: await colourOf('.legend .fill-before', 'backgroundColor'),
          };
    expect(closePairs(drawn, DISTINCT)).toEqual([]);
    await loaded.page.context().close();
  });

  /** The printed report: its PDF, each page's text, and how far down each page the text reaches. */
  async function print(name: Report): Promise<{ pages: string[]; fill: number[]; headings: string[] }> {
    const loaded = await open(files[name], 1280);
    const { page } = loaded;
    await page.emulateMedia({ media: 'print' });
    const breakAfter = await page.locator('h2, h3').evaluateAll((hs) => [...new Set(hs.map((h) => getComputedStyle(h).breakAfter))]);
    expect(breakAfter).toEqual(['avoid']);
    const headings = await page.locator('h2, h3').allTextContents();
    const pdf = join(ARTIFACTS, `${name}.pdf`);
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    expect(loaded.errors).toEqual([]);
    await page.context().close();
    execFileSync(PDFTOPPM, ['-r', '60', '-png', pdf, join(ARTIFACTS, `${name}-page`)]);
    const pages = execFileSync(PDFTOTEXT, ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
    // pdftotext -bbox: every word's box, page by page; a page's fill is how far down its lowest word reaches.
    const boxes = execFileSync(PDFTOTEXT, ['-bbox', pdf, '-'], { encoding: 'utf8' });
    const fill = [...boxes.matchAll(/<page width="[\d.]+" height="([\d.]+)">([^]*?)<\/page>/g)].map(([, height, body]) => {
      const bottoms = [...body!.matchAll(/yMax="([\d.]+)"/g)].map((m) => Number(m[1]));
      return Math.max(0, ...bottoms) / Number(height);
    });
    return { pages, fill, headings };
  }

  /** Each page's last line of text, white space folded. */
  const lastLines = (pages: readonly string[]): string[] => pages.map((p) => p.split('\n').map((line) => line.trim().replace(/\s+/g, ' ')).filter((line) => line !== '').at(-1) ?? '');

  it.skipIf(skipPdf).each([
    // The page counts of the examples as they stand; a change to the examples or the layout that moves them is a change to review.
    ['score', 10, 'Every item against its target', '✗ 2.60 / 4.00', 'Gaps in priority order'],
    ['self', 5, 'Every item against its target', '✗ 2.00 / 4.00', 'Gaps in priority order'],
    ['compare', 7, 'How much each item changed', '+1.20 [+0.54, +1.86]', 'Every item before and after'],
  ] as const)('prints %s on %i A4 pages: the summary fills page 1, the detail starts on page 2, no heading ends a page', async (name, count, chart, lastFigure, detail) => {
    const { pages, fill, headings } = await print(name);
    expect(pages).toHaveLength(count);
    // Page 1: the verdict, Start here (a score report) and the whole summary chart, to its last row.
    expect(pages[0]).toContain(chart);
    expect(pages[0]).toContain(lastFigure);
    if (name !== 'compare') expect(pages[0]).toMatch(/Start here\s+\d+ of 13 items at target/);
    else expect(pages[0]).toMatch(/Overall 2\.94 → 3\.59, change \+0\.65/);
    expect(fill[0], 'page 1 is not half empty').toBeGreaterThan(0.75);
    expect(pages[1]!.trimStart().startsWith(detail)).toBe(true);
    // No page ends on a heading: its section starts on the next page with it.
    const ends = lastLines(pages);
    for (const [i, line] of ends.entries()) expect(headings, `page ${i + 1} ends with "${line}"`).not.toContain(line);
    // The detail pages are printed in full too: no empty page.
    for (const [i, page] of pages.entries()) expect(page.trim().length, `page ${i + 1}`).toBeGreaterThan(100);
    if (name === 'score') execFileSync(PDFTOPPM, ['-r', '70', '-png', '-f', '1', '-l', '1', '-singlefile', join(ARTIFACTS, `${name}.pdf`), join(DOCS, 'html-report-print')]);
  });

  it('prints the four summary cards in one row', async () => {
    const loaded = await open(files.score);
    const page = loaded.page;
    // A4 less the report's 12 mm side margins, at 96 px to the inch.
    await page.setViewportSize({ width: Math.round(((210 - 24) / 25.4) * 96), height: 1000 });
    await page.emulateMedia({ media: 'print' });
    const tops = await page.locator('.card').evaluateAll((cards) => cards.map((card) => Math.round(card.getBoundingClientRect().top)));
    expect(tops).toHaveLength(4);
    expect(new Set(tops).size).toBe(1);
    // Paper gets the wide drawings, whatever the width of the print preview.
    expect(await visibleCharts(page)).toEqual(['chart-items', 'chart-gaps', 'chart-groups']);
    await page.context().close();
  });

  it('shows the compare report: no errors, no requests, the change-interval and before-and-after charts visible', async () => {
    const loaded = await open(files.compare);
    await expectCleanLoad(loaded);
    await expectVisibleCharts(loaded.page, ['chart-changes', 'chart-before-after']);
    const text = await loaded.page.locator('body').innerText();
    expect(text).toContain('Before: interviews (10 respondents, fieldwork 2026-10-05 to 2026-10-09)');
    expect(text).toContain('Paired: 10 respondents answered both audits (matched by name)');
    expect(text).toMatch(/\+0\.65 \[\+0\.08, \+1\.22\]/);
    expect(text).toContain('improved, still 0.41 below target');
    expect(text).toContain('Reached target (2)');
    // Every item's marker and whisker inside the plot.
    const chart = loaded.page.locator('#chart-changes');
    const marks = await chart.locator('.mark').evaluateAll((els) => els.map((el) => (el as unknown as { getBBox(): { x: number; width: number } }).getBBox()).map((b) => [b.x, b.x + b.width]));
    expect(marks.length).toBe(13);
    for (const [x0, x1] of marks) {
      expect(x0).toBeGreaterThanOrEqual(272 - 7);
      expect(x1).toBeLessThanOrEqual(540 + 7);
    }
    // The follow-up's own plan and notes, labelled as the follow-up's.
    expect(text).toContain('Improvement plan (follow-up audit)');
    expect(text).toContain('Notes and evidence (follow-up audit)');
    expect(text).toContain('I phoned at 7pm and got a real person.');
    await loaded.page.context().close();
  });

  it('shows hostile rubric and answers text as text: no script, no injected element', async () => {
    const loaded = await open(files.hostile);
    await expectCleanLoad(loaded);
    await expectVisibleCharts(loaded.page, ['chart-items', 'chart-gaps', 'chart-groups']);
    const page = loaded.page;
    expect(await page.title()).toBe(HOSTILE_TITLE);
    const text = await page.locator('body').innerText();
    for (const literal of [
      '<script>alert(1)</script>',
      '</td></tr></table><h1>Injected</h1>',
      'a|b </td><td> <style>body{display:none}</style>',
      '<img src=x onerror=alert(1)> then `rm -rf /` | pipe &amp; entity',
      '“</td><td>injected cell</td>”',
      'Mallory"><script>alert(2)</script>',
      '<iframe src="https://evil.example/"></iframe>',
      "a | b | c `tick` \"quoted\" 'single' &copy;",
    ]) {
      expect(text).toContain(literal);
    }
    const injected = {
      elements: await page.locator('script, iframe, img, link, object, embed, h1 + h1, td > table').count(),
      styles: await page.locator('style').count(),
      headings: await page.locator('h1').allTextContents(),
      handlers: await page.locator('*').evaluateAll((elements) => elements.filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length),
    };
    expect(injected).toEqual({ elements: 0, styles: 1, headings: [HOSTILE_TITLE], handlers: 0 });
    // The hostile `<style>body{display:none}</style>` must not have hidden anything.
    expect(await page.locator('main').isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'html-report-hostile.png'), fullPage: true });
    await page.context().close();
  });
});
