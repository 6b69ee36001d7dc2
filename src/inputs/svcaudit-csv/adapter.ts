/**
 * CSV exports whose header holds item ids (docs/file-formats.md), read row by row: a file is
 * streamed from disk, whatever its length; stdin arrives whole.
 */
import { createReadStream } from 'node:fs';
import { compareFindings, type Finding } from '../../core/finding.js';
import { utf8Text } from '../../core/io/decode-text.js';
import { assertRegularFile, fileError, STDIN } from '../../core/io/read-input.js';
import type { InputAdapter, InputFile } from '../adapter.js';
import { readCsvAnswerRows } from './csv-answer-rows.js';
import { readCsvAnswers } from './csv-answers.js';

export const svcauditCsv: InputAdapter = {
  async readAnswers(input, rubric, sink) {
    // A consumer that takes rows gets them read in place (csv-answer-rows.ts); the same answers either way.
    const { row } = sink;
    if (row === undefined) await readCsvAnswers(await chunks(input), input.file, rubric, { answerSet: sink.answerSet, finding: sink.finding });
    else await readCsvAnswerRows(await chunks(input), input.file, rubric, { row, answerSet: sink.answerSet, finding: sink.finding });
  },

  async validate(input, rubrics) {
    const { file } = input;
    const rubric = await rubrics.forCsv();
    if (rubric.kind !== 'found') return { file, kind: 'answers', findings: [] }; // a broken --rubric is reported on its own
    const findings: Finding[] = [];
    // Streamed from disk as `score` reads it, so a file past the limits stops at the first of them.
    await readCsvAnswerRows(await chunks(input), file, rubric.rubric, { row: () => undefined, answerSet: () => undefined, finding: (f) => findings.push(f) });
    return { file, kind: 'answers', findings: findings.sort(compareFindings) };
  },
};

async function chunks(input: InputFile): Promise<AsyncIterable<string> | Iterable<string>> {
  if (input.path === STDIN) return [utf8Text(await input.bytes())];
  // A FIFO or a device is refused before it is opened (read-input.ts); errors while reading say why in words.
  assertRegularFile(input.path);
  return readErrorsInWords(input.path, createReadStream(input.path, { encoding: 'utf8', highWaterMark: 1 << 16 }));
}

async function* readErrorsInWords(path: string, stream: AsyncIterable<string>): AsyncGenerator<string> {
  try {
    yield* stream;
  } catch (error) {
    throw fileError(path, error);
  }
}
