/**
 * The rubrics that answers files are checked against: `--rubric` when given;
 * otherwise the rubric the answers name, found among the rubric files of the
 * same run first, then among the built-in ones. Each is loaded once.
 */
import { compareFindings } from '../core/finding.js';
import type { Checked } from '../rubric/check-rubric.js';
import { builtinRubricIds, checkRubricReference, DEFAULT_RUBRIC } from '../rubric/load-rubric.js';
import type { Rubric } from '../rubric/model.js';
import type { FileFindings } from '../core/file-findings.js';

type RubricLookup = { kind: 'found'; rubric: Rubric } | { kind: 'unknown'; builtins: string[] } | { kind: 'broken' };

/** Loads each rubric once, however many answers files refer to it. */
export class RubricCache {
  private readonly loaded = new Map<string, Promise<Checked<Rubric> & { file: string }>>();
  /** Valid rubrics among the files being validated, by id. */
  private readonly local = new Map<string, Rubric>();
  constructor(private readonly given: string | undefined) {}

  addLocal(rubric: Rubric): void {
    if (!this.local.has(rubric.id)) this.local.set(rubric.id, rubric);
  }

  /** For a CSV export, which names no rubric: `--rubric`, or the default one. */
  async forCsv(): Promise<RubricLookup> {
    return this.lookup(this.given ?? DEFAULT_RUBRIC);
  }

  async givenResult(): Promise<FileFindings | undefined> {
    if (this.given === undefined || !this.loaded.has(this.given)) return undefined;
    const checked = await this.loaded.get(this.given)!;
    return { file: checked.file, kind: 'rubric', findings: [...checked.findings].sort(compareFindings) };
  }

  async forAnswers(namedId: string | undefined): Promise<RubricLookup> {
    const ref = this.given ?? namedId;
    if (ref === undefined) return { kind: 'broken' };
    if (this.given === undefined) {
      const local = this.local.get(ref);
      if (local) return { kind: 'found', rubric: local };
      const builtins = await builtinRubricIds();
      if (!builtins.includes(ref)) return { kind: 'unknown', builtins };
    }
    return this.lookup(ref);
  }

  private async lookup(ref: string): Promise<RubricLookup> {
    if (!this.loaded.has(ref)) this.loaded.set(ref, checkRubricReference(ref));
    const checked = await this.loaded.get(ref)!;
    return checked.value ? { kind: 'found', rubric: checked.value } : { kind: 'broken' };
  }
}
