/**
 * `svcaudit template` writes YAML whose comments hold rubric text: no text can break out of a
 * comment into live YAML (a scale label with a newline), and control characters are inert.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { formatTemplate } from '../../src/report/rubric/template.js';
import { buildRubric } from '../helpers/build.js';
import type { Rubric } from '../../src/rubric/model.js';

function withText(text: string): Rubric {
  const base = buildRubric({ sections: [{ id: 's', items: ['be-nice'] }] });
  const item = { ...base.sections[0]!.items[0]!, title: text, prompt: text, levels: new Map([[1, text]]) };
  return {
    ...base,
    title: text,
    version: `1.0\nkind: rubric\n${text}`,
    scale: { ...base.scale, labels: new Map([[1, `Absent\nanswers: {be-nice: 5}\nx-evil: 1`], [2, text]]) },
    sections: [{ ...base.sections[0]!, title: text, items: [item] }],
  };
}

describe('template', () => {
  it.each([
    'a\nanswers: {be-nice: 5}',
    'a\r\nkind: rubric',
    'a\u0085x-next: 1',
    'a\u2028b\u2029c',
    'bell\u0007 esc\u001b[2J',
  ])('keeps %j inside comments: the file parses to the blank answers it should', (text) => {
    const out = formatTemplate(withText(text), 'yaml');
    const doc = parseDocument(out);
    expect(doc.errors).toEqual([]);
    const data = doc.toJS() as Record<string, unknown>;
    expect(Object.keys(data).sort()).toEqual(['answers', 'kind', 'respondent', 'rubric', 'svcaudit']);
    expect(data.answers).toEqual({ 'be-nice': null });
    expect(data.kind).toBe('answers');
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
  });
});
