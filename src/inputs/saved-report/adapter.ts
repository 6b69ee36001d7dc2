/** A report saved by `score --format json`, one side of `compare` (docs/json-report.md). */
import { SvcauditError } from '../../core/errors.js';
import { decodeText } from '../../core/io/decode-text.js';
import type { InputAdapter } from '../adapter.js';
import { parseReportJson } from './read-report.js';

export const savedReport: InputAdapter = {
  async readReport(input) {
    const decoded = decodeText(await input.bytes(), input.file);
    // The error `score` gives for a binary file (exit 2, naming the file).
    if ('finding' in decoded) throw new SvcauditError('file-unparseable', decoded.finding.message, { file: input.file });
    return parseReportJson(decoded.text, input.file);
  },
};
