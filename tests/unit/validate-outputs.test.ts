/**
 * Several formats in one `validate` run (the README, "CI"): `-f` names formats, `-o FILE` takes the
 * only one, `-o FORMAT=FILE` sends one to a file, and at most one goes to stdout.
 */
import { describe, expect, it } from 'vitest';
import { outputPlan } from '../../src/cli/commands/validate.js';
import { isSvcauditError } from '../../src/core/errors.js';

describe('outputPlan', () => {
  it.each([
    ['one format to stdout', ['stylish'], [], [['stylish', undefined]]],
    ['one format to a file', ['sarif'], ['out.sarif'], [['sarif', 'out.sarif']]],
    ['stdout by name', ['json'], ['-'], [['json', '-']]],
    ['stylish to the log, SARIF to a file', ['stylish', 'sarif'], ['sarif=findings.sarif'], [['stylish', undefined], ['sarif', 'findings.sarif']]],
    ['a format named only in --output is added', ['stylish'], ['sarif=findings.sarif'], [['stylish', undefined], ['sarif', 'findings.sarif']]],
    ['every format to a file', ['json', 'junit'], ['json=a.json', 'junit=b.xml'], [['json', 'a.json'], ['junit', 'b.xml']]],
    ['the one left over takes a plain --output', ['github', 'sarif'], ['sarif=s.sarif', 'log.txt'], [['github', 'log.txt'], ['sarif', 's.sarif']]],
    ['a format given twice counts once', ['sarif', 'sarif'], [], [['sarif', undefined]]],
    ['a file name with = that is not FORMAT=FILE', ['json'], ['out=1.json'], [['json', 'out=1.json']]],
  ] as const)('%s', (_, formats, outputs, expected) => {
    expect(outputPlan(formats, outputs).map((o) => [o.format, o.output])).toEqual(expected);
  });

  it.each([
    ['two formats to stdout', ['stylish', 'json'], [], '--format stylish and --format json would both go to stdout'],
    ['a plain --output with two formats', ['stylish', 'json'], ['x'], '--output x: with 2 formats (stylish, json), say which goes there: --output stylish=x.'],
    ['two plain --outputs', ['json'], ['a', 'b'], '--output b: a second --output FILE'],
    ['a misspelt format in --output', ['stylish'], ['sraif=x.sarif'], '--output sraif=x.sarif: there is no format `sraif`. Did you mean `sarif`?'],
    ['the same format to two files', ['json'], ['json=a', 'json=b'], '--output json=…: given twice'],
  ] as const)('refuses %s, as bad usage', (_, formats, outputs, message) => {
    let thrown: unknown;
    try {
      outputPlan(formats, outputs);
    } catch (error) {
      thrown = error;
    }
    expect(isSvcauditError(thrown) && thrown.code).toBe('usage');
    expect((thrown as Error).message).toContain(message);
  });
});
