/**
 * The part of a scored Report that a comparison reads. A Report satisfies it
 * as it is; so does a report read back from `score --format json`, which is
 * checked against exactly these fields and no more, so that a report made by
 * an older or newer svcaudit still compares.
 */
import type { Report } from '../scoring/report.js';

export interface ComparableReport {
  readonly rubric: Pick<Report['rubric'], 'id' | 'title' | 'version'>;
  readonly scale: Pick<Report['scale'], 'min' | 'max'>;
  readonly respondents: number;
  readonly overall: Pick<Report['overall'], 'score' | 'index' | 'gap'>;
  readonly sections: readonly Pick<Report['sections'][number], 'id' | 'title' | 'score' | 'index' | 'gap'>[];
  readonly items: readonly Pick<Report['items'][number], 'id' | 'section' | 'title' | 'score' | 'target' | 'index' | 'gap'>[];
}
