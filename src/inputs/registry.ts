/**
 * The input formats svcaudit reads, the one registry of this extension point: `score`, `validate`
 * and `compare` all dispatch through it, and the file endings that folders and globs yield derive
 * from it. Each entry is told by its file ending, or, where the name says nothing (stdin, an
 * unknown ending), by `detect` on the start of the text; its reader loads only when a file of that
 * format is read. A new input format is one adapter file and one entry here (docs/file-formats.md).
 */
import { STDIN } from '../core/io/read-input.js';
import type { InputAdapter } from './adapter.js';
import { looksLikeTable } from './survey/detect.js';
import { looksLikeReportText } from './saved-report/detect.js';

interface InputFormat {
  /** File endings (lower case, with the dot) that select this format. */
  readonly extensions: readonly string[];
  /** Endings read only when the file is named, never yielded by a folder or glob (a `.txt` is seldom an export). */
  readonly namedOnly?: readonly string[];
  /** `answers`: read by score, validate and compare; `report`: a saved report, one side of compare. */
  readonly yields: 'answers' | 'report';
  /** Whether a text is in this format, for inputs whose name does not say which. */
  readonly detect: (text: string) => boolean;
  /** `stdin`: only stdin is told by its text; a named file of another ending is not taken for this format. */
  readonly detects: 'stdin' | 'any';
  readonly load: () => Promise<InputAdapter>;
}

/** In the order `detect` is asked; the last answers format is the fallback. */
const INPUT_FORMATS = {
  'saved-report': {
    extensions: ['.json'],
    yields: 'report',
    detect: looksLikeReportText,
    detects: 'any',
    load: async () => (await import('./saved-report/adapter.js')).savedReport,
  },
  // Every table, whatever its layout: see survey/adapter.ts for why one entry dispatches to the
  // seven layouts (svcaudit's own CSV among them) rather than one entry per layout.
  'survey-export': {
    extensions: ['.csv', '.tsv', '.xlsx', '.txt'],
    namedOnly: ['.txt'],
    yields: 'answers',
    detect: looksLikeTable,
    detects: 'stdin',
    load: async () => (await import('./survey/adapter.js')).surveyExport,
  },
  'answers-yaml': {
    extensions: ['.yaml', '.yml'],
    yields: 'answers',
    detect: () => true,
    detects: 'any',
    load: async () => (await import('./answers-yaml/adapter.js')).answersYaml,
  },
} satisfies Record<string, InputFormat>;

export type InputFormatName = keyof typeof INPUT_FORMATS;

const NAMES = Object.keys(INPUT_FORMATS) as InputFormatName[];

/** The file endings folder and glob expansion yields: those of every format that holds answers. */
export const ANSWERS_EXTENSIONS: readonly string[] = NAMES.filter((n) => INPUT_FORMATS[n].yields === 'answers').flatMap((n) => {
  const format: InputFormat = INPUT_FORMATS[n];
  return format.extensions.filter((ext) => !format.namedOnly?.includes(ext));
});

/** The format a file's ending names, if any. */
export function formatOfName(path: string): InputFormatName | undefined {
  const lower = path.toLowerCase();
  return NAMES.find((name) => INPUT_FORMATS[name].extensions.some((ext) => lower.endsWith(ext)));
}

/**
 * The format of an input: by its ending, else by its text among the formats the command accepts
 * (`yields`); the last of those is the fallback, so a file of unknown kind gets that reader's findings.
 */
export function inputFormat(path: string, text: () => string, accept: ReadonlyArray<InputFormat['yields']>): InputFormatName {
  const named = formatOfName(path);
  if (named !== undefined && accept.includes(INPUT_FORMATS[named].yields)) return named;
  const candidates = NAMES.filter((name) => {
    const format: InputFormat = INPUT_FORMATS[name];
    return accept.includes(format.yields) && (path === STDIN || format.detects === 'any');
  });
  const fallback = candidates[candidates.length - 1]!;
  if (candidates.length === 1) return fallback;
  const whole = text();
  return candidates.find((name) => INPUT_FORMATS[name].detect(whole)) ?? fallback;
}

export function loadInputAdapter(name: InputFormatName): Promise<InputAdapter> {
  return INPUT_FORMATS[name].load();
}
