/**
 * Messages on stderr wrapped at word boundaries to the terminal's width,
 * commands to copy kept whole, and piped text left as it is.
 */
import { describe, expect, it } from 'vitest';
import { terminalColumns, unbreakable, wrapForTerminal } from '../../src/cli/terminal-text.js';

const ERROR =
  'svcaudit: ./a.yaml: The file already exists. To continue it, add --resume (`svcaudit assess --out ./a.yaml --resume`); to replace it with a new assessment, add --force; or choose another file with --out.';

describe('wrapForTerminal', () => {
  it('breaks long lines at spaces, never mid-word, one column short of the edge', () => {
    const lines = wrapForTerminal(ERROR, 80).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(79);
    expect(lines.join(' ')).toBe(ERROR);
  });

  it('keeps text in backticks and text marked unbreakable on one line', () => {
    const wrapped = wrapForTerminal(ERROR, 80);
    expect(wrapped).toContain('(`svcaudit assess --out ./a.yaml --resume`);');
    const hint = `  12 left unanswered; to come back to them: ${unbreakable("svcaudit assess --out './my audit.yaml' --resume")}`;
    expect(wrapForTerminal(hint, 80).split('\n')).toEqual(['  12 left unanswered; to come back to them:', "  svcaudit assess --out './my audit.yaml' --resume"]);
  });

  it('keeps the indent of a line on its continuation lines, and lines that fit as they are', () => {
    const text = 'short line\n    an indented line that is long enough to need wrapping at forty columns';
    expect(wrapForTerminal(text, 41).split('\n')).toEqual(['short line', '    an indented line that is long enough', '    to need wrapping at forty columns']);
  });

  it('measures colour codes as nothing', () => {
    const styled = `\u001b[2m${'word '.repeat(15).trim()}\u001b[22m`;
    expect(wrapForTerminal(styled, 80)).toBe(styled);
  });

  it('leaves text for a pipe unwrapped, with the glue of unbreakable text turned back into spaces', () => {
    expect(wrapForTerminal(`${ERROR} ${unbreakable('svcaudit score a.yaml')}`, undefined)).toBe(`${ERROR} svcaudit score a.yaml`);
  });
});

describe('terminalColumns', () => {
  it('is the width of a terminal, and undefined for anything else', () => {
    expect(terminalColumns({ isTTY: true, columns: 80 })).toBe(80);
    expect(terminalColumns({ isTTY: false, columns: 80 })).toBeUndefined();
    expect(terminalColumns({})).toBeUndefined();
  });
});
