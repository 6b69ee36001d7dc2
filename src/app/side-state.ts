/**
 * A side of `compare` as plain data, to cross between threads (app/side-in-worker.ts): its
 * report as it is (plain objects), its respondent table and each group's covariance sums as the
 * data they hold. Read back, the side gives the comparison the very figures it would have given
 * had it been read on the main thread.
 */
import { RespondentTable, type RespondentTableState } from '../compare/respondent-table.js';
import { LazySequence } from '../core/sequence.js';
import type { ComparisonSide } from '../compare/side.js';
import type { ComparableReport, SavedReport } from '../compare/comparable.js';
import type { Rubric } from '../rubric/model.js';
import { covarianceSnapshot, SnapshotCovariances, type CovarianceSnapshot } from '../scoring/statistics/covariance-snapshot.js';

export type SideState =
  | { readonly kind: 'saved'; readonly report: SavedReport }
  | { readonly kind: 'scored'; readonly report: ComparableReport; readonly table: RespondentTableState; readonly groupCovariances: ReadonlyArray<readonly [string, CovarianceSnapshot]> };

export function sideState(side: ComparisonSide): SideState {
  if (side.kind === 'saved') return side;
  return {
    kind: 'scored',
    report: plainReport(side.report),
    table: side.table.state(),
    groupCovariances: [...(side.groupCovariances ?? new Map())].map(([key, sums]) => [key, covarianceSnapshot(sums)] as const),
  };
}

/**
 * The report with its lists as arrays: a report reads its quotes and sources an entry at a time
 * (core/sequence.ts), which a structured clone would not carry across.
 */
function plainReport(report: ComparableReport): ComparableReport {
  const plain = Object.fromEntries(Object.entries(report).map(([key, value]) => [key, value instanceof LazySequence ? [...(value as LazySequence<unknown>)] : value])) as unknown as ComparableReport;
  return { ...plain, items: report.items.map((item) => (item.quotes === undefined ? item : { ...item, quotes: [...item.quotes] })) };
}

/** The typed arrays a state holds, to move rather than copy. */
export function transferables(state: SideState): ArrayBuffer[] {
  return state.kind === 'scored' ? [state.table.scores.buffer as ArrayBuffer, state.table.groups.buffer as ArrayBuffer] : [];
}

export function sideOfState(state: SideState, rubric: Rubric): ComparisonSide {
  if (state.kind === 'saved') return state;
  return {
    kind: 'scored',
    rubric,
    report: state.report,
    table: RespondentTable.fromState(rubric, state.table),
    groupCovariances: new Map(state.groupCovariances.map(([key, snapshot]) => [key, new SnapshotCovariances(snapshot)])),
  };
}
