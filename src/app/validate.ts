/**
 * `svcaudit validate`: every file is read, told apart through the input registry (YAML by its
 * `kind:`, a CSV export by its ending or its text), and checked; answers are checked against
 * their rubric (see inputs/rubric-cache.ts). Returns findings per file, in the order given, and
 * the outcome; only an unreadable or missing file throws (exit 2).
 */
import { normalize } from 'node:path';
import { isConfigFileName } from '../core/config-files.js';
import type { FileFindings } from '../core/file-findings.js';
import { utf8Text } from '../core/io/decode-text.js';
import { STDIN } from '../core/io/read-input.js';
import type { Outcome } from '../core/outcome.js';
import { capFindings, compareFindings, finding, hasErrors } from '../core/finding.js';
import { isMapping } from '../core/is-mapping.js';
import { parseRubricReference } from '../inputs/answers-yaml/check-answers.js';
import type { Mapping } from '../inputs/survey/mapping.js';
import { expandInputs, type IgnorePatterns } from '../inputs/expand-inputs.js';
import type { InputFile } from '../inputs/adapter.js';
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
  /** `--map`: the mapping file is checked, and survey exports are checked through it as `score` reads them. */
  readonly map?: string | undefined;
  /** Files found in folders or by globs, as opposed to named: a table among them that needs a mapping is passed over. */
  readonly expanded?: ((path: string) => boolean) | undefined;
  /** A message for the person running the command (the tables passed over). */
  readonly onNote?: ((message: string) => void) | undefined;
}

export interface ValidateOptions extends ValidateFilesOptions {
  /** Report errors only; warnings then no longer count against `maxWarnings`. */
  readonly quiet?: boolean | undefined;
  /** More warnings than this is the outcome `findings`. */
  readonly maxWarnings?: number | undefined;
  /** Left out of folder and glob expansion (the configuration file's `ignore`). */
  readonly ignore?: IgnorePatterns | undefined;
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
    // Without --map, a CSV found in a folder is one to check when its header names an item of the
    // rubric it is checked against; through a mapping, every table found is.
    itemIds: async () => {
      if (options.map !== undefined) return undefined;
      const rubric = await rubrics.forCsv();
      return rubric.kind === 'found' ? new Set(rubricItems(rubric.rubric).map((item) => item.id)) : undefined;
    },
    ignore: options.ignore,
    ...(options.onNote ? { onPassedOver: options.onNote } : {}),
  });
  const checked = await checkFiles(files, { ...options, expanded: (path) => !inputs.includes(path) }, rubrics);
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
      // Only stdin is told by its text; a survey export is streamed by its reader, never read whole here.
      const stdin = path === STDIN ? await input.bytes() : undefined;
      const format: InputFormatName = inputFormat(path, () => headText(stdin ?? new Uint8Array(0)), ['answers']);
      return { input, format, rubricFirst: format === 'answers-yaml' && looksLikeRubric(await input.bytes()) };
    }),
  );
  const ordered: Array<FileFindings | undefined> = [];
  const passedOver: string[] = [];
  const check = async (i: number, format: InputFormatName, input: InputFile, mapping: Mapping | undefined) => {
    if (isConfigFileName(input.path)) {
      ordered[i] = await checkConfigFile(input);
      return;
    }
    const result = await (await loadInputAdapter(format)).validate!(input, rubrics, { mapping, expanded: options.expanded?.(input.path) === true });
    if (result === 'passed-over') passedOver.push(input.file);
    else ordered[i] = result;
  };
  // Rubric files first, so that answers written for a rubric of the same run are checked against it.
  for (const [i, { input, format, rubricFirst }] of inputs.entries()) {
    if (rubricFirst) await check(i, format, input, undefined);
  }
  const map = options.map === undefined ? undefined : await checkMapFile(options.map, rubrics, options.readStdin);
  for (const [i, { input, format, rubricFirst }] of inputs.entries()) {
    if (rubricFirst) continue;
    // Through a mapping with errors an export cannot be read: the mapping's findings say why.
    if (map !== undefined && map.mapping === undefined && format === 'survey-export') continue;
    await check(i, format, input, map?.mapping);
  }
  if (passedOver.length > 0) {
    const shown = passedOver.slice(0, 5).join(', ') + (passedOver.length > 5 ? ', …' : '');
    options.onNote?.(`svcaudit: note: passed over ${passedOver.length} table${passedOver.length === 1 ? '' : 's'} found in folders and globs whose headers are not item ids (${shown}); read ${passedOver.length === 1 ? 'it' : 'them'} through --map.`);
  }
  const results = ordered.filter((r): r is FileFindings => r !== undefined);
  // The --map file is reported as a file of its own, once (first: the exports are read through it).
  if (map !== undefined && !results.some((r) => r.file === map.result.file)) results.unshift(map.result);
  const given = await rubrics.givenResult();
  // A broken --rubric is reported as a file of its own, once.
  if (given && given.findings.length > 0 && !results.some((r) => r.file === given.file)) results.unshift(given);
  return results.map((r) => ({ ...r, findings: capFindings(r.findings) }));
}

/** The --map file's findings (as `validate m.yaml` gives them), and the mapping when it can be used. */
async function checkMapFile(path: string, rubrics: RubricCache, readStdin: (() => Promise<Uint8Array>) | undefined): Promise<{ result: FileFindings; mapping: Mapping | undefined }> {
  const input = inputFile(path, readStdin);
  const checked = await (await loadInputAdapter('answers-yaml')).validate!(input, rubrics, { mapping: undefined, expanded: false });
  const result: FileFindings = checked === 'passed-over' ? { file: input.file, kind: undefined, findings: [] } : checked;
  if (result.kind !== 'mapping' || hasErrors(result.findings)) {
    const wrongKind = result.kind !== 'mapping' && !hasErrors(result.findings);
    if (wrongKind) {
      return { result: { ...result, findings: [finding('unknown-kind', `--map takes a mapping file (\`kind: mapping\`); this is ${result.kind === 'rubric' ? 'a rubric' : 'an answers file'}.`, input.file, { line: 1, column: 1 })] }, mapping: undefined };
    }
    return { result, mapping: undefined };
  }
  const { parseYaml } = await import('../rubric/yaml-source.js');
  const source = parseYaml(utf8Text(await input.bytes()), input.file);
  const named = isMapping(source.value) && typeof source.value.rubric === 'string' ? parseRubricReference(source.value.rubric).id : undefined;
  const lookup = await rubrics.forAnswers(named);
  if (lookup.kind !== 'found') return { result, mapping: undefined };
  const { checkMappingSource } = await import('../inputs/survey/check-mapping.js');
  return { result, mapping: checkMappingSource(source, lookup.rubric).value };
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
