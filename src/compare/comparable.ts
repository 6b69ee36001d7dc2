/**
 * The part of a scored Report that a comparison reads. A Report satisfies it
 * as it is; so does a report read back from `score --format json`, which is
 * checked against exactly these fields and no more, so that a report made by
 * an older or newer svcaudit still compares.
 */
import type { Quote, Report, ShownPlanStep } from '../scoring/report.js';

export interface ComparableReport {
  readonly rubric: Pick<Report['rubric'], 'id' | 'title' | 'version'>;
  readonly scale: Pick<Report['scale'], 'min' | 'max'>;
  readonly respondents: number;
  readonly overall: Pick<Report['overall'], 'score' | 'index' | 'gap'>;
  readonly sections: readonly Pick<Report['sections'][number], 'id' | 'title' | 'score' | 'index' | 'gap'>[];
  readonly items: readonly ComparableItem[];
  /**
   * Not needed to compare: the follow-up's plan and (on its items) its notes
   * and evidence, which the HTML progress report shows. A scored Report has
   * them; a JSON report has them when they are well formed (read-report-extras.ts).
   */
  readonly plan?: readonly ShownPlanStep[];
}

export interface ComparableItem extends Pick<Report['items'][number], 'id' | 'section' | 'title' | 'score' | 'target' | 'index' | 'gap'> {
  readonly quotes?: readonly Quote[];
}
