/**
 * `svcaudit template`: a blank answers file for a rubric. Every item is
 * listed with an empty value (unanswered), its prompt and level descriptors
 * as comments, so a person can fill it in with any editor. It validates as is.
 */
import { rubricForRole, rubricItems, type Rubric } from '../../rubric/model.js';
import { oneLine } from '../shared/terminal-text.js';

type TemplateFormat = 'yaml' | 'csv';

/** `role` (`template --for`): only the items whose audience includes it, and the role filled in. */
export function formatTemplate(full: Rubric, format: TemplateFormat, role?: string): string {
  const { rubric, leftOut } = role === undefined ? { rubric: full, leftOut: 0 } : rubricForRole(full, role);
  return format === 'csv' ? csvTemplate(rubric) : yamlTemplate(rubric, role, leftOut);
}

function yamlTemplate(rubric: Rubric, role: string | undefined, leftOut: number): string {
  const { min, max, labels } = rubric.scale;
  const scale = Array.from({ length: max - min + 1 }, (_, i) => min + i)
    .map((level) => (labels.has(level) ? `${level} ${comment(labels.get(level)!)}` : String(level)))
    .join(', ');
  const reference = rubric.version ? `${rubric.id}@${rubric.version}` : rubric.id;
  const out = [
    '# yaml-language-server: $schema=https://unpkg.com/svcaudit/schemas/answers.schema.json',
    `# ${comment(rubric.title)}: answers file.`,
    `# Give each item a level (${scale}), \`na\` if it does not apply, or leave it empty (unanswered).`,
    '# A note or evidence: `item-id: {score: 3, note: "…", evidence: ["…"]}`.',
    ...(leftOut > 0 ? [`# ${leftOut} item${leftOut === 1 ? ' is' : 's are'} for other roles than ${comment(role ?? '')} and left out.`] : []),
    'svcaudit: 1',
    'kind: answers',
    `rubric: ${yamlScalar(reference)}`,
    'respondent:',
    '  name:',
    role === undefined ? '  role:' : `  role: ${yamlQuoted(role.trim())}`,
    '# date: YYYY-MM-DD',
    'answers:',
  ];
  for (const section of rubric.sections) {
    out.push('', `  # ── ${comment(section.title)} ──`);
    for (const item of section.items) {
      out.push('', `  # ${comment(item.title)}: ${comment(item.prompt)}`);
      for (const [level, text] of item.levels) out.push(`  #   ${level}${labels.has(level) ? ` ${comment(labels.get(level)!)}` : ''}: ${comment(text)}`);
      for (const hint of item.lookFor) out.push(`  #   look for: ${comment(hint)}`);
      if (item.audience !== undefined) out.push(`  #   who can judge it: ${item.audience.map(comment).join(', ')}`);
      for (const action of item.actions) out.push(`  #   to reach ${action.to}: ${comment(action.text)} (${action.owner === undefined ? '' : `owner: ${comment(action.owner)}; `}effort: ${action.effort})`);
      out.push(`  ${item.id}:`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** A value written as YAML: plain when it is safe so, else double-quoted, every break and control escaped. */
function yamlScalar(text: string): string {
  return /^[A-Za-z0-9._@+-]+$/.test(text) ? text : yamlQuoted(text);
}

/**
 * Double-quoted YAML (JSON's escapes are YAML's): every break and control escaped, and so are the
 * characters that would act on a terminal showing the template (core/inert-text.ts), which read back
 * as themselves.
 */
function yamlQuoted(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function csvTemplate(rubric: Rubric): string {
  return `${['name', 'role', 'date', ...rubricItems(rubric).map((item) => item.id)].join(',')}\n`;
}

/**
 * A comment runs to the end of its line, so user text must stay on one line: every line break
 * (also those YAML 1.1 readers honour: NEL, U+2028, U+2029) becomes a space, and control
 * characters are shown inert (core/inert-text.ts), as the template goes to a terminal too.
 */
function comment(text: string): string {
  return oneLine(text).replace(/ {2,}/g, ' ');
}
