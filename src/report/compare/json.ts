/**
 * `compare --format json`: the comparison with exactly the fields of its JSON
 * Schema (src/compare/schema.ts, docs/json-report.md), unrounded, for other
 * tools to read. The object is built field by field and typed from the schema,
 * so nothing the human formats use besides (`details`, `unscored`) leaks in,
 * and the output cannot drift from the schema that ships with it.
 */
import type { FromSchema } from 'json-schema-to-ts';
import type { Change, Comparison, ItemChange } from '../../compare/comparison.js';
import type { comparisonSchema } from '../../compare/schema.js';
import type { CompareFormatter } from './types.js';

type ComparisonJson = FromSchema<typeof comparisonSchema>;
type ChangeJson = ComparisonJson['overall'];
type ItemJson = ComparisonJson['items'][number];

export const json: CompareFormatter = (c) => `${JSON.stringify(comparisonJson(c), null, 2)}\n`;

function comparisonJson(c: Comparison): ComparisonJson {
  return {
    svcaudit: c.svcaudit,
    kind: c.kind,
    rubric: { id: c.rubric.id, title: c.rubric.title, version: c.rubric.version },
    scale: { min: c.scale.min, max: c.scale.max },
    design: c.design,
    pairs: c.pairs,
    inputs: {
      before: { input: c.inputs.before.input, respondents: c.inputs.before.respondents, rubricVersion: c.inputs.before.rubricVersion },
      after: { input: c.inputs.after.input, respondents: c.inputs.after.respondents, rubricVersion: c.inputs.after.rubricVersion },
    },
    overall: changeJson(c.overall),
    sections: c.sections.map((s) => ({ id: s.id, title: s.title, ...changeJson(s) })),
    items: c.items.map(itemJson),
    groups: c.groups.map((g) => ({ value: g.value, before: { n: g.before.n }, after: { n: g.after.n }, overall: g.overall === null ? null : changeJson(g.overall), items: g.items.map(itemJson) })),
    warnings: c.warnings.map((w) => ({ code: w.code, message: w.message })),
  };
}

function changeJson(c: Change): ChangeJson {
  const figures = (f: Change['before']): ChangeJson['before'] => ({ score: f.score, index: f.index, gap: f.gap, n: f.n });
  return { before: figures(c.before), after: figures(c.after), change: c.change, ci: c.ci === null ? null : [c.ci[0], c.ci[1]], verdict: c.verdict };
}

function itemJson(item: ItemChange): ItemJson {
  const { before, after, change, ci, verdict } = changeJson(item);
  return {
    id: item.id,
    section: item.section,
    title: item.title,
    target: item.target,
    before,
    after,
    change,
    ci,
    p: item.p,
    adjustedP: item.adjustedP,
    verdict,
    reachedTarget: item.reachedTarget,
    fellBelowTarget: item.fellBelowTarget,
  };
}
