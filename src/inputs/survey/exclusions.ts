/**
 * Rows a layout leaves out (docs/file-formats.md, "Layouts"), each counted under its rule so the report can
 * say how many: Qualtrics responses not finished (`Finished` False/0) and previews (`Status`
 * "Survey Preview", or code 1 and its spam/offline variants 9 and 17 in a numeric export);
 * Typeform partial responses (`Response Type` partial); LimeSurvey responses never submitted
 * (`submitdate` empty). The mapping's `include` adds the rule `filter`.
 */
import type { ExclusionRule } from '../../core/answers.js';
import type { ExportColumn } from './columns.js';
import { fold } from './fold.js';
import type { LayoutName } from './layouts.js';


export interface Exclusion {
  readonly rule: Exclude<ExclusionRule, 'filter'>;
  readonly column: number;
  readonly leavesOut: (folded: string) => boolean;
}

const PREVIEW_CODES = new Set(['1', '9', '17']);

export function layoutExclusions(layout: LayoutName | undefined, columns: readonly ExportColumn[]): Exclusion[] {
  const named = (name: string) => columns.find((c) => c.ids.some((id) => fold(id) === name) || fold(c.header) === name)?.index;
  const out: Exclusion[] = [];
  const add = (rule: Exclusion['rule'], column: number | undefined, leavesOut: (v: string) => boolean) => {
    if (column !== undefined) out.push({ rule, column, leavesOut });
  };
  switch (layout) {
    case 'qualtrics':
      add('preview', named('status') ?? named('response type'), (v) => v.includes('preview') || PREVIEW_CODES.has(v));
      add('unfinished', named('finished'), (v) => v === 'false' || v === '0');
      break;
    case 'typeform':
      add('partial', named('response type'), (v) => v === 'partial');
      break;
    case 'limesurvey':
      add('incomplete', named('submitdate') ?? named('date submitted'), (v) => v === '');
      break;
    default:
      break;
  }
  return out;
}
