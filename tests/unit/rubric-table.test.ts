import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkRubricText } from '../../src/rubric/check-rubric.js';
import { formatRubricTable } from '../../src/report/rubric/rubric-table.js';
import { plainStyle } from '../../src/report/shared/style.js';

const BUILTIN = new URL('../../rubrics/service-commitments.yaml', import.meta.url);

describe('rubric show', () => {
  it.each([60, 80, 100, 140])('fits a %i-column terminal and still lists every item', async (width) => {
    const { value: rubric } = await checkRubricText(readFileSync(BUILTIN, 'utf8'), 'service-commitments.yaml');
    const text = formatRubricTable(rubric!, { style: plainStyle, width });
    const widest = Math.max(...text.split('\n').map((line) => [...line].length));
    expect(widest).toBeLessThanOrEqual(width);
    for (const section of rubric!.sections) for (const item of section.items) expect(text).toContain(item.id);
  });

  it('shows levels and actions counts only when there is room', async () => {
    const { value: rubric } = await checkRubricText(readFileSync(BUILTIN, 'utf8'), 'service-commitments.yaml');
    expect(formatRubricTable(rubric!, { style: plainStyle, width: 140 })).toContain('Actions');
    expect(formatRubricTable(rubric!, { style: plainStyle, width: 80 })).not.toContain('Actions');
  });
});
