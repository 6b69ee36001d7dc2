/**
 * What the gap report formats say of survey exports and general comments: the rows left out, per
 * rule ("3 rows left out: 2 unfinished, 1 preview"), and a "General comments" block; neither
 * appears for answers files that have none (the golden files of gap-formats.test.ts hold that).
 */
import { describe, expect, it } from 'vitest';
import { GAP_FORMAT_NAMES, loadGapFormat } from '../../src/report/gap/formats.js';
import type { GapFormatOptions } from '../../src/report/gap/types.js';
import { plainStyle } from '../../src/report/shared/style.js';
import { addAnswerSet, addExcluded, buildReport, createTally } from '../../src/scoring/index.js';
import { buildAnswers, buildRubric } from '../helpers/build.js';
import { loadAll } from '../helpers/formats.js';

const { text, json, markdown, html } = await loadAll(GAP_FORMAT_NAMES, loadGapFormat);
const OPTIONS: GapFormatOptions = { style: plainStyle, width: 100, date: '2026-11-20' };
const RUBRIC = buildRubric({ sections: [{ id: 'main', items: ['be-nice', 'listen'] }] });

function report(options: { comments?: boolean; excluded?: boolean }) {
  const tally = createTally(RUBRIC);
  const withComments = (source: string, comments: string[]) => ({ ...buildAnswers(source, { 'be-nice': 4, listen: 3 }, { name: 'Dana', role: 'customer' }), comments });
  addAnswerSet(tally, options.comments ? withComments('survey.csv:3', ['Training has improved a lot']) : buildAnswers('survey.csv:3', { 'be-nice': 4 }));
  addAnswerSet(tally, options.comments ? withComments('survey.csv:2', ['Overall the <b>shop</b> staff are lovely', '  ']) : buildAnswers('survey.csv:2', { listen: 2 }));
  if (options.excluded) {
    addExcluded(tally, 'preview', 1);
    addExcluded(tally, 'unfinished', 2);
  }
  return buildReport(tally);
}

describe('rows left out', () => {
  const r = report({ excluded: true });
  it('are counted per rule in JSON, in a fixed order', () => {
    expect(JSON.parse(json(r, OPTIONS)).excluded).toEqual([{ rule: 'unfinished', rows: 2 }, { rule: 'preview', rows: 1 }]);
  });

  it.each([
    ['text', () => text(r, OPTIONS)],
    ['markdown', () => markdown(r, OPTIONS)],
    ['html', () => html(r, OPTIONS)],
  ])('are one line in %s', (_, render) => {
    expect(render()).toContain('3 rows left out: 2 unfinished, 1 preview');
  });

  it('are not mentioned when none were', () => {
    const none = report({});
    expect(JSON.parse(json(none, OPTIONS)).excluded).toEqual([]);
    for (const out of [text(none, OPTIONS), markdown(none, OPTIONS), html(none, OPTIONS)]) expect(out).not.toContain('left out');
  });
});

describe('general comments', () => {
  const r = report({ comments: true });
  it('are in JSON in reading order (by source, then row), blank ones left out, attributed as --attribution says', () => {
    expect(JSON.parse(json(r, OPTIONS)).comments).toEqual([
      { by: 'customer 2', text: 'Overall the <b>shop</b> staff are lovely', source: 'survey.csv:2' },
      { by: 'customer 1', text: 'Training has improved a lot', source: 'survey.csv:3' },
    ]);
  });

  it('are a block of their own in text, Markdown and HTML, escaped where the format needs it', () => {
    const t = text(r, OPTIONS);
    expect(t).toContain('General comments');
    expect(t).toContain('“Overall the <b>shop</b> staff are lovely” — customer 2');
    const md = markdown(r, OPTIONS);
    expect(md).toContain('## General comments');
    expect(md).toContain('> “Overall the &lt;b&gt;shop&lt;/b&gt; staff are lovely” — customer 2');
    const page = html(r, OPTIONS);
    expect(page).toContain('<h2>General comments</h2>');
    expect(page).toContain('Overall the &lt;b&gt;shop&lt;/b&gt; staff are lovely');
  });

  it('leave no empty heading when there are none', () => {
    const none = report({});
    expect(JSON.parse(json(none, OPTIONS)).comments).toEqual([]);
    for (const out of [text(none, OPTIONS), markdown(none, OPTIONS), html(none, OPTIONS)]) expect(out).not.toContain('General comments');
  });
});
