/**
 * `svcaudit validate`, `rubrics` and `rubric show`, run as a user runs them:
 * the built binary in a child process (npm run build first). Exit codes follow
 * docs/exit-codes.md: 0 clean, 1 found wanting, 2 the job could not be done.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, REPO, svcaudit, requireBuild, COLOR_CODE } from '../helpers/run-cli.js';
import { shellQuote } from '../helpers/tmux.js';
import { ITEM_IDS } from '../helpers/answers-file.js';

const RULES_DIR = 'tests/fixtures/rules';
const BUILTIN = 'rubrics/service-commitments.yaml';
const DUPLICATE_ID = `${RULES_DIR}/duplicate-id/fail.yaml`;
const WARNINGS_ONLY = `${RULES_DIR}/item-without-levels/fail.yaml`;


function yamlFilesUnder(dir: string): string[] {
  return readdirSync(join(REPO, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `${dir}/${f}`)
    .sort();
}

let tmp: string;
beforeAll(() => {
  requireBuild();
  tmp = mkdtempSync(join(tmpdir(), 'svcaudit-e2e-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('exit codes', () => {
  it('exits 0, quietly, on the built-in rubric', async () => {
    const r = await svcaudit(['validate', BUILTIN]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
  });

  it('exits 1 on a file with errors, with the file and each line:col in stylish output', async () => {
    const r = await svcaudit(['validate', DUPLICATE_ID]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(DUPLICATE_ID);
    expect(lines[1]).toMatch(/^ {2}19:9 +error +Section id `main` is already used by section #1\. +duplicate-id$/);
    expect(lines[2]).toMatch(/^ {2}22:13 +error +Item id `be-nice` is already used in section `main`.* +duplicate-id$/);
    expect(r.stdout).toContain('✖ 2 problems (2 errors, 0 warnings)');
  });

  it('exits 2 on a missing file, naming it', async () => {
    const r = await svcaudit(['validate', 'no/such/file.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no/such/file.yaml');
    expect(r.stdout).toBe('');
  });

  it('exits 2 on a missing file even when the other files are fine', async () => {
    const r = await svcaudit(['validate', BUILTIN, 'missing.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing.yaml');
  });

  it.each([
    ['an unknown flag', ['validate', '--bogus', BUILTIN], /unknown option '--bogus'/],
    ['an unknown --format', ['validate', '--format', 'xml', BUILTIN], /xml.*stylish, json, junit, sarif, github/],
    ['a --max-warnings that is not a number', ['validate', '--max-warnings', 'abc', BUILTIN], /max-warnings.*abc/],
    ['a negative --max-warnings', ['validate', '--max-warnings', '-1', BUILTIN], /max-warnings/],
    ['no file at all', ['validate'], /missing required argument/],
    ['an unknown command', ['valdate', BUILTIN], /unknown command 'valdate'/],
    ['a --rubric file that does not exist', ['validate', `${RULES_DIR}/answers-unknown-item/pass.yaml`, '--rubric', 'no-such-rubric.yaml'], /no-such-rubric\.yaml/],
    ['a --rubric id that is not built in', ['validate', `${RULES_DIR}/answers-unknown-item/pass.yaml`, '--rubric', 'no-such-rubric'], /no-such-rubric/],
  ])('exits 2 on %s', async (_, args, message) => {
    const r = await svcaudit(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});

describe('inputs', () => {
  it('reads stdin for `-` and names it <stdin>', async () => {
    const r = await svcaudit(['validate', '-'], { input: readFileSync(join(REPO, DUPLICATE_ID)) });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('<stdin>');
    expect(r.stdout).toMatch(/19:9 +error/);
  });

  it('reads a clean rubric from stdin', async () => {
    const r = await svcaudit(['validate', '-', '--format', 'json'], { input: readFileSync(join(REPO, BUILTIN)) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files).toEqual([{ file: '<stdin>', kind: 'rubric', errorCount: 0, warningCount: 0, findings: [] }]);
  });

  it('expands a folder into its YAML files', async () => {
    const r = await svcaudit(['validate', `${RULES_DIR}/duplicate-id`, '--format', 'json']);
    expect(r.code).toBe(1);
    const files = JSON.parse(r.stdout).files as Array<{ file: string; errorCount: number }>;
    expect(files.map((f) => [f.file, f.errorCount])).toEqual([
      [`${RULES_DIR}/duplicate-id/fail.yaml`, 2],
      [`${RULES_DIR}/duplicate-id/pass.yaml`, 0],
    ]);
  });

  it('expands a quoted ** glob itself, to the YAML files with a `svcaudit:` key', async () => {
    const r = await svcaudit(['validate', `${RULES_DIR}/**/*.yaml`, '--format', 'json']);
    expect(r.code).toBe(1);
    const files = (JSON.parse(r.stdout).files as Array<{ file: string }>).map((f) => f.file).sort();
    // The empty file has no `svcaudit:` key: a glob passes it over (and says so), naming it checks it.
    const empty = `${RULES_DIR}/file-empty/fail.yaml`;
    expect(files).toEqual(yamlFilesUnder(RULES_DIR).filter((f) => f !== empty));
    expect(files.length).toBeGreaterThan(50);
    expect(r.stderr).toBe('svcaudit: note: passed over 1 .yaml/.yml file without a top-level `svcaudit:` key found in folders and globs; name a file to read it anyway.\n');
  });

  it('expands a quoted * glob to the passing fixtures, which have no errors but one (the answers that need --rubric)', async () => {
    const r = await svcaudit(['validate', `${RULES_DIR}/*/pass.yaml`, '--format', 'json']);
    const report = JSON.parse(r.stdout) as { files: Array<{ file: string; errorCount: number; warningCount: number }> };
    expect(report.files).toHaveLength(readdirSync(join(REPO, RULES_DIR)).filter((rule) => existsSync(join(REPO, RULES_DIR, rule, 'pass.yaml'))).length);
    const unclean = report.files.filter((f) => f.errorCount + f.warningCount > 0).map((f) => f.file);
    expect(unclean).toEqual([`${RULES_DIR}/answers-unknown-rubric/pass.yaml`]);
    expect(r.code).toBe(1);
  });

  it('exits 2 on a glob that matches nothing', async () => {
    const r = await svcaudit(['validate', `${RULES_DIR}/**/*.nothing`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('*.nothing');
  });
});

describe('warnings', () => {
  it('allows warnings without --max-warnings', async () => {
    const r = await svcaudit(['validate', WARNINGS_ONLY]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/9:13 +warning +Item `be-nice` has no level descriptors/);
    expect(r.stdout).toContain('✖ 2 problems (0 errors, 2 warnings)');
  });

  it.each([
    ['0', 1],
    ['1', 1],
    ['2', 0],
  ])('--max-warnings %s with 2 warnings exits %i', async (max, code) => {
    const r = await svcaudit(['validate', WARNINGS_ONLY, '--max-warnings', max]);
    expect(r.code).toBe(code);
    if (code === 1) expect(r.stdout).toContain(`too many warnings (maximum: ${max})`);
    else expect(r.stdout).not.toContain('too many warnings');
  });

  it('--quiet hides warnings, and then they no longer count', async () => {
    const r = await svcaudit(['validate', WARNINGS_ONLY, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const both = await svcaudit(['validate', WARNINGS_ONLY, DUPLICATE_ID, '--quiet', '--format', 'json']);
    expect(both.code).toBe(1);
    const report = JSON.parse(both.stdout) as { warningCount: number; errorCount: number; files: Array<{ findings: Array<{ severity: string }> }> };
    expect(report.warningCount).toBe(0);
    expect(report.errorCount).toBe(2);
    expect(report.files.flatMap((f) => f.findings).every((f) => f.severity === 'error')).toBe(true);
  });
});

describe('output formats', () => {
  const mixed = [WARNINGS_ONLY, DUPLICATE_ID];

  it('json: one parseable object and nothing else on stdout', async () => {
    const r = await svcaudit(['validate', ...mixed, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { errorCount: number; warningCount: number; files: Array<{ file: string; kind: string; findings: Array<Record<string, unknown>> }> };
    expect(r.stdout.trimEnd().endsWith('}')).toBe(true);
    expect(r.stdout.trimStart().startsWith('{')).toBe(true);
    expect(report.errorCount).toBe(2);
    expect(report.warningCount).toBe(2);
    expect(report.files.map((f) => [f.file, f.kind])).toEqual([
      [WARNINGS_ONLY, 'rubric'],
      [DUPLICATE_ID, 'rubric'],
    ]);
    expect(report.files[1]!.findings[0]).toMatchObject({ rule: 'duplicate-id', severity: 'error', line: 19, column: 9 });
  });

  it('junit: an XML document with one failing test case per finding', async () => {
    const r = await svcaudit(['validate', ...mixed, '--format', 'junit']);
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith('<?xml')).toBe(true);
    expect(r.stdout.trimEnd().endsWith('</testsuites>')).toBe(true);
    expect(r.stdout.match(/<testcase /g)).toHaveLength(4);
    expect(r.stdout).toContain('duplicate-id 19:9');
  });

  it('sarif: SARIF 2.1.0 with a result per finding and every rule described', async () => {
    const r = await svcaudit(['validate', ...mixed, '--format', 'sarif']);
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout) as {
      version: string;
      runs: Array<{
        tool: { driver: { name: string; rules: Array<{ id: string }> } };
        results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }>;
      }>;
    };
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0]!;
    expect(run.tool.driver.name).toBe('svcaudit');
    expect(run.tool.driver.rules.map((rule) => rule.id)).toContain('duplicate-id');
    expect(run.results).toHaveLength(4);
    const dup = run.results.find((res) => res.ruleId === 'duplicate-id')!;
    expect(dup.level).toBe('error');
    expect(dup.locations[0]!.physicalLocation.region).toMatchObject({ startLine: 19, startColumn: 9 });
    expect(dup.locations[0]!.physicalLocation.artifactLocation.uri).toContain('duplicate-id/fail.yaml');
  });

  it('github: one workflow command per finding, then the summary line', async () => {
    const r = await svcaudit(['validate', ...mixed, '--format', 'github']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^::(error|warning) file=[^,]+,line=\d+,col=\d+.*::\S/);
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(2);
    expect(lines).toContain(`::error file=${DUPLICATE_ID},line=19,col=9,endLine=19,endColumn=13,title=duplicate-id::Section id \`main\` is already used by section #1.`);
    expect(lines.at(-1)).toBe('svcaudit: 4 problems (2 errors, 2 warnings) in 2 files');
  });

  it('github: a summary line even when all is clean', async () => {
    const r = await svcaudit(['validate', BUILTIN, '--format', 'github']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('svcaudit: no problems in 1 file\n');
  });

  it.each(['json', 'sarif', 'junit', 'github', 'stylish'])('--output writes the %s report to a file and leaves stdout empty', async (format) => {
    const out = join(tmp, `report.${format}`);
    const r = await svcaudit(['validate', DUPLICATE_ID, '--format', format, '--output', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(statSync(out).size).toBeGreaterThan(0);
    const written = readFileSync(out, 'utf8');
    expect(written).toContain('duplicate-id');
    expect(written).not.toMatch(COLOR_CODE);
    if (format === 'json' || format === 'sarif') expect(() => JSON.parse(written)).not.toThrow();
  });
});

describe('answers files', () => {
  it('checks answers against the built-in rubric they name', async () => {
    const ok = await svcaudit(['validate', `${RULES_DIR}/answers-unknown-item/pass.yaml`]);
    expect(ok.code).toBe(0);
    const bad = await svcaudit(['validate', `${RULES_DIR}/answers-unknown-item/fail.yaml`]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/6:3 +error +Rubric `service-commitments` has no item `be-nise`\. Did you mean `be-nice`\? +answers-unknown-item/);
  });

  it('checks answers against --rubric FILE', async () => {
    const rubric = `${RULES_DIR}/answers-unknown-rubric/in-house-rubric.yaml`;
    const ok = await svcaudit(['validate', `${RULES_DIR}/answers-unknown-rubric/pass.yaml`, '--rubric', rubric]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('');
    // The same rubric for answers written for another one.
    const other = await svcaudit(['validate', `${RULES_DIR}/answers-unknown-item/pass.yaml`, '--rubric', rubric]);
    expect(other.code).toBe(1);
    expect(other.stdout).toMatch(/3:9 +error +These answers are for rubric `service-commitments`, but the rubric in use is `in-house-rubric`.* +answers-rubric-mismatch/);
  });

  it('reports answers naming an unknown rubric without --rubric as answers-unknown-rubric', async () => {
    const r = await svcaudit(['validate', `${RULES_DIR}/answers-unknown-rubric/fail.yaml`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/3:9 +error +`in-house-rubric` is not a built-in rubric .* +answers-unknown-rubric/);
  });
});

describe('colour', () => {
  it('is off under NO_COLOR (the run-cli default)', async () => {
    const r = await svcaudit(['validate', DUPLICATE_ID]);
    expect(r.rawStdout).not.toMatch(COLOR_CODE);
  });

  it('--color forces ANSI codes even under NO_COLOR and without a terminal', async () => {
    const r = await svcaudit(['validate', DUPLICATE_ID, '--color']);
    expect(r.code).toBe(1);
    expect(r.rawStdout).toMatch(COLOR_CODE);
    expect(r.stdout).toMatch(/19:9 +error/);
  });

  it('FORCE_COLOR=1 colours without a flag', async () => {
    const r = await svcaudit(['validate', DUPLICATE_ID], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(r.rawStdout).toMatch(COLOR_CODE);
  });

  it('NO_COLOR=1 wins over FORCE_COLOR=1', async () => {
    const r = await svcaudit(['validate', DUPLICATE_ID], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(r.rawStdout).not.toMatch(COLOR_CODE);
    expect(r.stdout).toMatch(/19:9 +error/);
  });

  it('--no-color wins over FORCE_COLOR=1', async () => {
    const r = await svcaudit(['validate', DUPLICATE_ID, '--no-color'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(r.rawStdout).not.toMatch(COLOR_CODE);
  });

  it('never colours machine output, even with --color', async () => {
    const r = await svcaudit(['validate', DUPLICATE_ID, '--color', '--format', 'json']);
    expect(r.rawStdout).not.toMatch(COLOR_CODE);
    expect(() => JSON.parse(r.rawStdout)).not.toThrow();
  });
});

describe('help, rubrics and rubric show', () => {
  it('svcaudit --help exits 0 with an example', async () => {
    const r = await svcaudit(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: svcaudit');
    expect(r.stdout).toMatch(/Examples?:\n\s+\$ svcaudit /);
    expect(r.stdout).toMatch(/validate/);
  });

  it('svcaudit validate --help exits 0 with an example and every format', async () => {
    const r = await svcaudit(['validate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: svcaudit validate');
    expect(r.stdout).toMatch(/Examples?:\n\s+\$ svcaudit validate /);
    for (const format of ['stylish', 'json', 'junit', 'sarif', 'github']) expect(r.stdout).toContain(format);
    expect(r.stdout).toContain('--max-warnings');
  });

  it('svcaudit rubrics lists service-commitments', async () => {
    const r = await svcaudit(['rubrics']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^service-commitments\b.*Service Commitments Audit.*13 items/m);
  });

  it('svcaudit rubric show service-commitments prints the 13 item ids', async () => {
    const r = await svcaudit(['rubric', 'show', 'service-commitments']);
    expect(r.code).toBe(0);
    for (const id of ITEM_IDS) expect(r.stdout, id).toMatch(new RegExp(`│ ${id} +│`));
    expect(r.stdout).toContain('Service Commitments Audit');
  });

  it('svcaudit rubric show takes a rubric file too', async () => {
    const r = await svcaudit(['rubric', 'show', `${RULES_DIR}/answers-unknown-rubric/in-house-rubric.yaml`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('greet-by-name');
  });

  it('svcaudit rubric show nope exits 2 naming it', async () => {
    const r = await svcaudit(['rubric', 'show', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/`nope`/);
    expect(r.stderr).toContain('service-commitments');
    expect(r.stdout).toBe('');
  });
});

describe('survey CSV exports and rubrics beside their answers', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'svcaudit-validate-mixed-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('checks a CSV export with the same rules as score, with line and column', async () => {
    writeFileSync(join(dir, 'survey.csv'), 'name,be-nice,role,be-nice\nDana,4,customer,5\n');
    const r = await svcaudit(['validate', join(dir, 'survey.csv'), 'examples/interviews.csv']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('1:19  error  Column `be-nice` appears twice in the header (columns 2 and 4).  csv-duplicate-column');
    expect(r.stdout).not.toContain('interviews.csv');
  });

  it('checks answers against a rubric validated in the same run, whatever the order', async () => {
    const rubric = readFileSync(join(REPO, 'rubrics/service-commitments.yaml'), 'utf8').replace(/^id: service-commitments$/m, 'id: in-house');
    const folder = join(dir, 'audit');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a-answers.yaml'), 'svcaudit: 1\nkind: answers\nrubric: in-house\nanswers:\n  be-nice: 4\n  be-nise: 2\n');
    writeFileSync(join(folder, 'z-rubric.yaml'), rubric);
    const r = await svcaudit(['validate', folder, '--format', 'json']);
    const report = JSON.parse(r.stdout) as { files: Array<{ file: string; findings: Array<{ rule: string; line: number }> }> };
    expect(report.files.map((f) => f.file.endsWith('a-answers.yaml') || f.file.endsWith('z-rubric.yaml'))).toEqual([true, true]);
    expect(report.files[0]!.findings.map((f) => [f.rule, f.line])).toEqual([['answers-unknown-item', 6]]);
    expect(r.code).toBe(1);
  });
});

describe('a CSV export on stdin', () => {
  it('is told apart from YAML by its header, as score does', async () => {
    const r = await svcaudit(['validate', '-'], { input: 'name,be-nice,role,be-nice\nDana,4,customer,5\n' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<stdin>');
    expect(r.stdout).toContain('csv-duplicate-column');
    const clean = await svcaudit(['validate', '-'], { input: readFileSync(join(REPO, 'examples/interviews.csv')) });
    expect(clean.code).toBe(0);
  });
});

describe('--output from a terminal', () => {
  it('writes no colour codes into the file unless --color asks for them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'svcaudit-out-'));
    try {
      const bad = join(dir, 'bad.yaml');
      writeFileSync(bad, 'svcaudit: 1\nkind: rubric\nid: x\nweigth: 1\nsections: []\n');
      const out = join(dir, 'out.txt');
      const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined };
      // `script` gives the command a real terminal, where colour is on by default.
      spawnSync('script', ['-qec', [process.execPath, BIN, 'validate', bad, '--output', out].map(shellQuote).join(' '), '/dev/null'], { env, encoding: 'utf8' });
      const text = readFileSync(out, 'utf8');
      expect(text).toContain('schema-unknown-key');
      expect(text).not.toMatch(/\u001b\[/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
