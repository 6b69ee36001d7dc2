/**
 * `svcaudit map <export>` (docs/file-formats.md, "Proposing a mapping"): reads the export once,
 * profiles its columns and writes a proposed mapping file to review. Values in; the YAML text and
 * the findings of reading the export out. The survey code loads only here.
 */
import { compareFindings, type Finding } from '../core/finding.js';
import { readHead, STDIN } from '../core/io/read-input.js';
import { inputFile } from '../inputs/read-answer-sets.js';
import { rubricItems, type Rubric } from '../rubric/model.js';

export interface MapOptions {
  /** Where `-` comes from. */
  readonly readStdin?: () => Promise<Uint8Array>;
  /** `.xlsx` only: the sheet to read (default the first). */
  readonly sheet?: string | undefined;
}

export interface MapResult {
  /** The proposed mapping, YAML to review; empty when the export could not be read. */
  readonly text: string;
  /** What reading the export found: an encoding warning, or why it could not be read. */
  readonly findings: readonly Finding[];
}

export async function map(exportPath: string, rubric: Rubric, options: MapOptions = {}): Promise<MapResult> {
  const input = inputFile(exportPath, options.readStdin);
  // A missing or unreadable file is an error of its own (exit 2), before any survey code loads;
  // a file is then streamed by the profiler, stdin read whole.
  if (exportPath !== STDIN) readHead(exportPath, 1);
  const source = exportPath === STDIN ? await input.bytes() : exportPath;
  const { profileExport } = await import('../inputs/survey/profile-export.js');
  const { proposeMapping } = await import('../inputs/survey/propose-mapping.js');
  const { profile, findings } = await profileExport(source, input.file, rubricItems(rubric).map((item) => item.id), options.sheet);
  const sorted = [...findings].sort(compareFindings);
  if (sorted.some((f) => f.severity === 'error')) return { text: '', findings: sorted };
  return { text: proposeMapping(profile, rubric), findings: sorted };
}
