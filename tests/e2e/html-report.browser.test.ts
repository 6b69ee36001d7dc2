/**
 * The HTML reports in a real headless Chromium: the built binary
 * writes them as a consultant would, and the browser must show them with no
 * console error, no request but the file itself, every chart drawn at a
 * visible size, and hostile rubric and answers text shown as text. A
 * full-page screenshot and a PDF print go to test-artifacts/ for a person to
 * look at.
 *
 * Runs wherever /usr/bin/chromium exists (Debian's `chromium` package; .ci/run
 * installs it). Skipped without it only outside CI: in CI a missing browser
 * must fail the run, not hide it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, svcaudit, requireBuild } from '../helpers/run-cli.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(REPO, 'test-artifacts');
const HOSTILE_TITLE = "Audit <script>alert(1)</script> | **bold** `code` & \"quotes\" 'single'";
const skip = !existsSync(CHROMIUM) && !process.env.CI;
/** poppler-utils' pdftotext reads the printed pages back (.ci/run installs it); without it, outside CI, that one check is skipped. */
const PDFTOTEXT = '/usr/bin/pdftotext';
const skipPdfText = !existsSync(PDFTOTEXT) && !process.env.CI;

interface Loaded {
  readonly page: Page;
  readonly url: string;
  readonly errors: string[];
  readonly requests: string[];
}

describe.skipIf(skip)('HTML reports in headless Chromium', () => {
  let tmp: string;
  let browser: Browser;
  const files = { score: '', compare: '', hostile: '' };

  /** The binary, as a user runs it: no stack trace, exit 0. */
  async function run(args: readonly string[]): Promise<void> {
    const result = await svcaudit(args);
    expect(result.code, result.stderr).toBe(0);
  }

  beforeAll(async () => {
    requireBuild();
    tmp = mkdtempSync(join(tmpdir(), 'svcaudit-html-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    files.score = join(tmp, 'score.html');
    files.compare = join(tmp, 'compare.html');
    files.hostile = join(tmp, 'hostile.html');
    await Promise.all([
      run(['score', 'examples/interviews', '--by', 'role', '--format', 'html', '--output', files.score]),
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

  /** Opens a report in a fresh context, recording every console error, page error and request. */
  async function open(file: string): Promise<Loaded> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
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

  /** Every chart drawn: an `svg.chart` with a box a reader can see. */
  async function expectVisibleCharts(page: Page, ids: readonly string[]): Promise<void> {
    const charts = page.locator('svg.chart');
    expect(await charts.evaluateAll((svgs) => svgs.map((svg) => svg.id))).toEqual(ids);
    for (const id of ids) {
      const box = await page.locator(`svg#${id}`).boundingBox();
      expect(box, id).not.toBeNull();
      expect(box!.width, id).toBeGreaterThan(50);
      expect(box!.height, id).toBeGreaterThan(50);
      expect(await page.locator(`svg#${id}`).getAttribute('role')).toBe('img');
      expect((await page.locator(`svg#${id} > title`).textContent())?.length).toBeGreaterThan(5);
    }
  }

  it('shows the score report: no errors, no requests, three visible charts; writes a screenshot and a PDF', async () => {
    const loaded = await open(files.score);
    await expectCleanLoad(loaded);
    await expectVisibleCharts(loaded.page, ['chart-items', 'chart-gaps', 'chart-groups']);
    const text = await loaded.page.locator('body').innerText();
    expect(text).toContain('Service Commitments Audit');
    expect(text).toMatch(/Overall score\s+2\.94/i);
    expect(text).toContain('Waited 14 min on hold on 3 Oct before anyone answered');
    await loaded.page.screenshot({ path: join(ARTIFACTS, 'html-report.png'), fullPage: true });
    // Printing is part of the job: the print style sheet must keep the charts on the page.
    await loaded.page.emulateMedia({ media: 'print' });
    await expectVisibleCharts(loaded.page, ['chart-items', 'chart-gaps', 'chart-groups']);
    const pdf = await loaded.page.pdf({ path: join(ARTIFACTS, 'html-report.pdf'), format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(loaded.errors).toEqual([]);
    await loaded.page.context().close();
  });

  it('sets no chart label over another, a bar or a target tick (groups, items and gaps charts)', async () => {
    const loaded = await open(files.score);
    for (const id of ['chart-groups', 'chart-items', 'chart-gaps']) {
      const clashes = await loaded.page.locator(`svg#${id}`).evaluate((svg) => {
        type Box = { name: string; left: number; right: number; top: number; bottom: number };
        const box = (el: typeof svg): Box => {
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

  it('prints the four summary cards in one row and keeps each chart on the page of its heading', async () => {
    const loaded = await open(files.score);
    const page = loaded.page;
    // A4 less the report's 12 mm side margins, at 96 px to the inch.
    await page.setViewportSize({ width: Math.round(((210 - 24) / 25.4) * 96), height: 1000 });
    await page.emulateMedia({ media: 'print' });
    const tops = await page.locator('.card').evaluateAll((cards) => cards.map((card) => Math.round(card.getBoundingClientRect().top)));
    expect(tops).toHaveLength(4);
    expect(new Set(tops).size).toBe(1);
    const pdf = join(tmp, 'score.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    await page.context().close();
    if (skipPdfText) return;
    const pages = execFileSync(PDFTOTEXT, ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
    const pageOf = (text: string): number => pages.findIndex((p) => p.includes(text));
    // Each heading, and a label drawn only in its chart.
    for (const [heading, label] of [
      ['By role: perception gaps', 'spread 1.70'],
      ['Every item against its target', '3.40 / 4.00'],
      ['Gaps in priority order', 'gap 1.60 · priority 0.18'],
    ] as const) {
      expect(pageOf(heading), heading).toBeGreaterThanOrEqual(0);
      expect(pageOf(label), heading).toBe(pageOf(heading));
    }
  });

  it('reads on a phone: the page does not scroll sideways, charts keep readable text and scroll in their own box', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(pathToFileURL(files.score).href, { waitUntil: 'load' });
    const layout = {
      page: await page.locator('html').evaluate((root) => root.scrollWidth - root.clientWidth),
      // The CSS pixel height of a 12-unit chart label: the drawing's scale on screen.
      labels: await page.locator('svg.chart').evaluateAll((svgs) => svgs.map((svg) => (svg.getBoundingClientRect().width / 760) * 12)),
      charts: await page.locator('.chart-scroll').evaluateAll((boxes) => boxes.map((box) => box.scrollWidth > box.clientWidth && box.ownerDocument.defaultView.getComputedStyle(box).overflowX === 'auto')),
      tables: await page.locator('.table-wrap').evaluateAll((boxes) => boxes.map((box) => box.ownerDocument.defaultView.getComputedStyle(box).overflowX)),
    };
    expect(layout.page).toBe(0);
    for (const size of layout.labels) expect(size).toBeGreaterThanOrEqual(10);
    expect(layout.charts).toEqual([true, true, true]);
    expect(new Set(layout.tables)).toEqual(new Set(['auto']));
    await page.screenshot({ path: join(ARTIFACTS, 'html-report-phone.png') });
    await context.close();
  });

  it('shows the compare report: no errors, no requests, the change-interval and before-and-after charts visible', async () => {
    const loaded = await open(files.compare);
    await expectCleanLoad(loaded);
    await expectVisibleCharts(loaded.page, ['chart-changes', 'chart-before-after']);
    const text = await loaded.page.locator('body').innerText();
    expect(text).toContain('Before: examples/interviews (10 respondents)');
    expect(text).toContain('Paired: 10 respondents answered both audits (matched by name)');
    expect(text).toMatch(/\+0\.65 \[\+0\.08, \+1\.22\]/);
    expect(text).toContain('Reached target (2)');
    // The interval chart stays legible: its labels at least 10 CSS pixels high, and every item's
    // marker and whisker inside the plot.
    const chart = loaded.page.locator('#chart-changes');
    const scale = await chart.evaluate((svg) => svg.getBoundingClientRect().width / 760);
    expect(scale * 10).toBeGreaterThanOrEqual(9);
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
    await loaded.page.screenshot({ path: join(ARTIFACTS, 'compare-report.png'), fullPage: true });
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
