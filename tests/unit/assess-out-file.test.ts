/**
 * Where `svcaudit assess` saves and whether it may: the dated default, the
 * guard against overwriting, and the resume command it prints.
 */
import { errorExitCode } from '../../src/cli/exit-codes.js';
import { describe, expect, it } from 'vitest';
import { localDate } from '../../src/cli/context.js';
import { resolveOutFile, resumeCommand, scoreCommand, shellQuote, startMode } from '../../src/cli/assess/out-file.js';
import { SvcauditError } from '../../src/core/errors.js';

const CWD = '/home/dana/audits';
const out = (given?: string) => resolveOutFile(given, CWD, '2026-11-20');
const exists = (yes: boolean) => () => yes;
const RESUME = 'npx svcaudit assess --out ./a.yaml --resume';

describe('the answers file', () => {
  it('defaults to a dated file in the current folder', () => {
    expect(out()).toEqual({ path: `${CWD}/svcaudit-answers-2026-11-20.yaml`, shown: './svcaudit-answers-2026-11-20.yaml' });
  });

  it.each([
    ['a.yaml', './a.yaml'],
    ['sub/a.yml', 'sub/a.yml'],
    ['../elsewhere/a.yaml', '/home/dana/elsewhere/a.yaml'],
    ['/tmp/a.yaml', '/tmp/a.yaml'],
  ])('shows %s as %s', (given, shown) => {
    expect(out(given).shown).toBe(shown);
  });

  it('must be a .yaml or .yml file, so that score and validate pick it up', () => {
    expect(() => out('answers.csv')).toThrow(/must end in \.yaml or \.yml/);
  });

  it('is dated by the local day', () => {
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('the overwrite guard', () => {
  it.each([
    [false, {}, 'new'],
    [false, { resume: true }, 'fresh'],
    [false, { force: true }, 'new'],
    [true, { resume: true }, 'resume'],
    [true, { force: true }, 'overwrite'],
  ] as const)('file exists: %s, flags %j → %s', (present, flags, mode) => {
    expect(startMode(out('a.yaml'), flags, RESUME, exists(present))).toBe(mode);
  });

  it('refuses an existing file without --resume or --force, naming both (exit 2)', () => {
    let error: unknown;
    try {
      startMode(out('a.yaml'), {}, RESUME, exists(true));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SvcauditError);
    expect(errorExitCode((error as SvcauditError).code)).toBe(2);
    expect((error as SvcauditError).code).toBe('would-overwrite');
    expect((error as SvcauditError).describe()).toMatch(/^\.\/a\.yaml: The file already exists\. .*--resume \(`npx svcaudit assess --out \.\/a\.yaml --resume`\).*--force/);
  });

  it('refuses --resume with --force', () => {
    expect(() => startMode(out('a.yaml'), { resume: true, force: true }, RESUME, exists(true))).toThrow(/not both/);
  });
});

describe('the commands it prints', () => {
  const cli = 'svcaudit';

  it('resume: the path as shown, quoted for a shell when needed, and a non-default rubric', () => {
    expect(resumeCommand(out('a.yaml'), { cli })).toBe('svcaudit assess --out ./a.yaml --resume');
    expect(resumeCommand(out('my audit.yaml'), { cli, rubric: 'service-commitments' })).toBe("svcaudit assess --out './my audit.yaml' --resume");
    expect(resumeCommand(out('a.yaml'), { cli, rubric: './in-house.yaml' })).toBe('svcaudit assess --rubric ./in-house.yaml --out ./a.yaml --resume');
    expect(scoreCommand(out("Dana's.yaml"), { cli })).toBe(`svcaudit score './Dana'\\''s.yaml'`);
  });

  it('start svcaudit the way this run was started, and repeat --role so the same items are asked', () => {
    expect(resumeCommand(out('a.yaml'), { cli: 'npx svcaudit', role: 'front desk' })).toBe("npx svcaudit assess --role 'front desk' --out ./a.yaml --resume");
    expect(scoreCommand(out('a.yaml'), { cli: "node '/opt/my tools/svcaudit/bin/svcaudit.cjs'" })).toBe("node '/opt/my tools/svcaudit/bin/svcaudit.cjs' score ./a.yaml");
  });

  it('use the absolute path when svcaudit runs in another folder than the one the person typed in', () => {
    expect(resumeCommand(out('a.yaml'), { cli: 'npx svcaudit', absolute: true })).toBe(`npx svcaudit assess --out ${CWD}/a.yaml --resume`);
  });

  it('quotes only what a shell would misread', () => {
    expect(shellQuote('./a-b_c@1.0.yaml')).toBe('./a-b_c@1.0.yaml');
    expect(shellQuote('$(rm -rf ~).yaml')).toBe("'$(rm -rf ~).yaml'");
  });
});
