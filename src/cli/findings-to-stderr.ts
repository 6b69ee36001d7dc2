/** Findings that stop a command, as `validate` prints them (stylish), on stderr. */
import { stylish } from '../report/findings/stylish.js';
import type { FileFindings } from '../core/file-findings.js';
import type { Style } from '../report/shared/style.js';
import { VERSION } from '../core/version.js';
import type { CliContext } from './context.js';

export function writeFindings(ctx: CliContext, style: Style, files: readonly FileFindings[]): void {
  ctx.stderr.write(stylish(files, { style, toolVersion: VERSION, maxWarnings: undefined }));
}
