/**
 * `svcaudit validate`: every file is read, told apart through the input registry (YAML by its
 * `kind:`, a CSV export by its ending or its text), and checked; answers are checked against
 * their rubric (see inputs/rubric-cache.ts). Returns findings per file, in the order given, and
 * the outcome; only an unreadable or missing file throws (exit 2).
 */
import { normalize } from 'node:path';
import { isConfigFileName } from '../core/config-files.js';
import type { FileFindings } from '../core/file-findings.js';
import { capFindings, compareFindings } from '../core/finding.js';
import type { InputFile } from '../inputs/adapter.js';
import { utf8Text } from '../core/io/decode-text.js';
import type { Outcome } from '../core/outcome.js';
import { expandInputs, type IgnorePatterns } from '../inputs/expand-inputs.js';
import { inputFile } from '../inputs/read-answer-sets.js';
import { ANSWERS_EXTENSIONS, inputFormat, loadInputAdapter, type InputFormatName } from '../inputs/registry.js';
import { RubricCache } from '../inputs/rubric-cache.js';
import { headText } from '../inputs/svcaudit-csv/detect.js';
import { countFindings, exceedsMaxWarnings } from '../report/findings/summary.js';
import { rubricItems } from '../rubric/model.js';

export interface ValidateFilesOptions {
  /** `--rubric`: answers files are checked against it instead of the rubric they name. */
  readonly rubric?: string | undefined;
  readonly readStdin?: () => Promise<Uint8Array>;
}

export interface ValidateOptions extends ValidateFilesOptions {
  /** Report errors only; warnings then no longer count against `maxWarnings`. */
  readonly quiet?: boolean | undefined;
  /** More warnings than this is the outcome `findings`. */
  readonly maxWarnings?: number | undefined;
  /** Left out of folder and glob expansion (the configuration file's `ignore`). */
  readonly ignore?: IgnorePatterns | undefined;
  /** A message for the person running the command (the files folders and globs passed over). */
  readonly onNote?: (message: string) => void;
  /**
   * Files checked before the inputs (the configuration file in use, when it has errors), reported
   * first unless an input is the same file.
   */
  readonly also?: readonly FileFindings[];
}

export interface ValidateResult {
  readonly results: readonly FileFindings[];
  readonly errors: number;
  readonly warnings: number;
  readonly outcome: Outcome;
}

/** Files, folders and globs as a user gives them, checked and counted. */
export async function validate(inputs: readonly string[], options: ValidateOptions = {}): Promise<ValidateResult> {
  const rubrics = new RubricCache(options.rubric);
  const files = await expandInputs(inputs, ANSWERS_EXTENSIONS, {
    configFiles: true,
    // A CSV found in a folder is one to check when its header names an item of the rubric it is checked against.
    itemIds: async () => {
      const rubric = await rubrics.forCsv();
      return rubric.kind === 'found' ? new Set(rubricItems(rubric.rubric).map((item) => item.id)) : undefined;
    },
    ignore: options.ignore,
    ...(options.onNote ? { onPassedOver: options.onNote } : {}),
  });
  const checked = await checkFiles(files, options, rubrics);
  const all = [...(options.also ?? []).filter((extra) => !checked.some((r) => normalize(r.file) === normalize(extra.file))), ...checked];
  const results = options.quiet ? all.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })) : all;
  const counts = countFindings(results);
  const wanting = counts.errors > 0 || exceedsMaxWarnings(counts, options.maxWarnings);
  return { results, ...counts, outcome: wanting ? 'findings' : 'ok' };
}

export async function validateFiles(paths: readonly string[], options: ValidateFilesOptions = {}): Promise<FileFindings[]> {
  return checkFiles(paths, options, new RubricCache(options.rubric));
}

async function checkFiles(paths: readonly string[], options: ValidateFilesOptions, rubrics: RubricCache): Promise<FileFindings[]> {
  const inputs = await Promise.all(
    paths.map(async (path) => {
      const input = inputFile(path, options.readStdin);
      const bytes = await input.bytes();
      const format: InputFormatName = inputFormat(path, () => headText(bytes), ['answers']);
      return { input, format, rubricFirst: format === 'answers-yaml' && looksLikeRubric(bytes) };
    }),
  );
  const ordered: FileFindings[] = [];
  // Rubric files first, so that answers written for a rubric of the same run are checked against it.
  for (const pass of [true, false]) {
    for (const [i, { input, format, rubricFirst }] of inputs.entries()) {
      if (rubricFirst !== pass) continue;
      ordered[i] = isConfigFileName(input.path) ? await checkConfigFile(input) : await (await loadInputAdapter(format)).validate!(input, rubrics);
    }
  }
  const given = await rubrics.givenResult();
  // A broken --rubric is reported as a file of its own, once.
  if (given && given.findings.length > 0 && !ordered.some((r) => r.file === given.file)) ordered.unshift(given);
  return ordered.map((r) => ({ ...r, findings: capFindings(r.findings) }));
}

/** A configuration file (docs/configuration.md), told by its name: it has no `kind:`. */
async function checkConfigFile(input: InputFile): Promise<FileFindings> {
  const { checkConfigBytes } = await import('../rubric/check-config.js');
  const checked = await checkConfigBytes(await input.bytes(), input.file);
  return { file: input.file, kind: 'config', findings: [...checked.findings].sort(compareFindings) };
}

/** Only decides the order of checking; every file is still checked by what it really holds. */
function looksLikeRubric(bytes: Uint8Array): boolean {
  return /^kind:\s*rubric\s*$/m.test(utf8Text(bytes, 8192));
}
