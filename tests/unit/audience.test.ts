/**
 * `audience` on items (docs/file-formats.md): `template --for R` and `assess --role R` keep the items
 * whose audience includes R, or that have none; `rubric show` and `template` show who can judge
 * each item and who owns each action.
 */
import { describe, expect, it } from 'vitest';
import { checkAnswersText } from '../../src/inputs/answers-yaml/check-answers-text.js';
import { formatRubricTable } from '../../src/report/rubric/rubric-table.js';
import { formatTemplate } from '../../src/report/rubric/template.js';
import { plainStyle } from '../../src/report/shared/style.js';
import { loadRubric } from '../../src/rubric/load-rubric.js';
import { rubricForRole, rubricItems } from '../../src/rubric/model.js';
import { buildRubric } from '../helpers/build.js';

const { rubric: builtin } = await loadRubric('service-commitments');

describe('rubricForRole', () => {
  it('keeps the items a role can judge and counts the others', () => {
    const { rubric, leftOut } = rubricForRole(builtin, 'customer');
    const ids = rubricItems(rubric).map((item) => item.id);
    expect(leftOut).toBe(2);
    expect(ids).toHaveLength(11);
    expect(ids).not.toContain('remove-hindrances');
    expect(ids).not.toContain('train-everyone');
    expect(rubricForRole(builtin, 'Staff ').leftOut).toBe(0);
  });

  it('drops a section left empty, and keeps items with no audience for everyone', () => {
    const base = buildRubric({ sections: [{ id: 'a', items: ['x', 'y'] }, { id: 'b', items: ['z'] }] });
    const withAudience = {
      ...base,
      sections: base.sections.map((s) => ({ ...s, items: s.items.map((item) => (item.id === 'z' || item.id === 'y' ? { ...item, audience: ['staff'] } : item)) })),
    };
    const { rubric, leftOut } = rubricForRole(withAudience, 'customer');
    expect(rubric.sections.map((s) => s.id)).toEqual(['a']);
    expect(rubricItems(rubric).map((item) => item.id)).toEqual(['x']);
    expect(leftOut).toBe(2);
  });
});

describe('template --for', () => {
  it('lists only the role\'s items, fills in the role, says how many it left out, and validates as it is', async () => {
    const text = formatTemplate(builtin, 'yaml', 'customer');
    expect(text).toContain('# 2 items are for other roles than customer and left out.');
    expect(text).toContain('  role: "customer"');
    expect(text).not.toMatch(/^ {2}remove-hindrances:/m);
    expect(text).toMatch(/^ {2}be-nice:$/m);
    const read = await checkAnswersText(text, 'customer.yaml', builtin);
    expect(read.findings).toEqual([]);
    expect(read.set?.respondent).toEqual({ role: 'customer' });
    expect(formatTemplate(builtin, 'csv', 'customer').trim().split(',')).toHaveLength(3 + 11);
  });

  it('shows look-fors, who can judge each item and each action with its owner and effort', () => {
    const text = formatTemplate(builtin, 'yaml');
    expect(text).toContain('  #   who can judge it: staff, manager');
    expect(text).toMatch(/#   look for: .+/);
    expect(text).toMatch(/#   to reach 2: .+ \(owner: [a-z ]+; effort: low\)/);
  });
});

describe('rubric show', () => {
  it('shows who can judge each item and every action with its owner', () => {
    const text = formatRubricTable(builtin, { style: plainStyle, width: 140 });
    expect(text).toContain('Who can judge');
    expect(text).toMatch(/remove-hindrances actions\n {2}to 2 \(low, [a-z ]+\): /);
    for (const item of rubricItems(builtin)) for (const action of item.actions) expect(text).toContain(`(${action.effort}, ${action.owner}): `);
  });
});
