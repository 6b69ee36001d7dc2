/**
 * `score --by role --perception-gap N` through the built binary: the threshold at or above which
 * the spread between the groups' scores flags an item `perception-gap` (items[].flags in the JSON
 * report). The default is 1; a value that is not a number of 0 or more is a usage error (exit 2)
 * with commander's message, and nothing on stdout.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, svcaudit } from '../helpers/run-cli.js';

interface Item {
  readonly id: string;
  readonly spread: number | null;
  readonly flags: readonly string[];
}

interface JsonItem extends Omit<Item, 'spread'> {
  readonly spread: { readonly value: number } | null;
}

beforeAll(() => requireBuild());

async function items(...extra: string[]): Promise<Item[]> {
  // --min-group 1: the examples' one manager counts as a group, as the spreads below assume.
  const r = await svcaudit(['score', 'examples/interviews', '--by', 'role', '--min-group', '1', '--format', 'json', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { items: JsonItem[] }).items.map((item) => ({ ...item, spread: item.spread?.value ?? null }));
}

const flagged = (list: readonly Item[]) => list.filter((i) => i.flags.includes('perception-gap')).map((i) => i.id);

describe('--perception-gap', () => {
  let low: Item[];
  let high: Item[];
  let byDefault: Item[];
  beforeAll(async () => {
    [low, high, byDefault] = await Promise.all([items('--perception-gap', '0.5'), items('--perception-gap', '3'), items()]);
  });

  it('0.5 flags exactly the items whose group spread is 0.5 or more', () => {
    expect(low).toHaveLength(13);
    for (const item of low) {
      expect(typeof item.spread, item.id).toBe('number');
      expect(item.flags.includes('perception-gap'), `${item.id} spread ${item.spread}`).toBe(item.spread! >= 0.5);
    }
    // The examples' spreads (customers, managers, staff): every item but be-generous (0.4) and
    // happiest-solution (0.45); benefit-of-the-doubt (0.5) is flagged, the threshold being inclusive.
    expect(flagged(low)).toEqual([
      'be-nice', 'respond-quickly', 'benefit-of-the-doubt', 'keep-your-cool', 'get-to-the-point', 'smile',
      'listen', 'empathize', 'remove-hindrances', 'train-everyone', 'one-touch',
    ]);
  });

  it('3 flags nothing: no spread in the examples reaches 3 points', () => {
    expect(flagged(high)).toEqual([]);
    expect(Math.max(...high.map((i) => i.spread!))).toBeLessThan(3);
  });

  it('the threshold changes only the perception-gap flag: spreads and the other flags stay', () => {
    expect(high.map((i) => i.spread)).toEqual(low.map((i) => i.spread));
    const others = (list: readonly Item[]) => list.map((i) => i.flags.filter((f) => f !== 'perception-gap'));
    expect(others(high)).toEqual(others(low));
    expect(flagged(low).length).toBeGreaterThan(flagged(high).length);
  });

  it('without the flag the threshold is 1', () => {
    for (const item of byDefault) expect(item.flags.includes('perception-gap'), item.id).toBe(item.spread! >= 1);
    expect(flagged(byDefault).length).toBeGreaterThan(0);
    expect(flagged(byDefault).length).toBeLessThan(flagged(low).length);
  });

  it('the text report lists the flag as the JSON does', async () => {
    const [text03, text3] = await Promise.all([
      svcaudit(['score', 'examples/interviews', '--by', 'role', '--min-group', '1', '--perception-gap', '0.5']),
      svcaudit(['score', 'examples/interviews', '--by', 'role', '--min-group', '1', '--perception-gap', '3']),
    ]);
    expect(text03.stdout).toContain('perception gap');
    expect(text3.stdout).not.toContain('perception gap');
  });

  it.each(['-1', 'abc', '', '1e', 'Infinity'])('%j is refused: exit 2, commander’s message, nothing on stdout', async (value) => {
    const r = await svcaudit(['score', 'examples/interviews', '--by', 'role', '--format', 'json', '--perception-gap', value]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`error: option '--perception-gap <points>' argument '${value}' is invalid. expected a number, 0 or more.\n`);
  });

  it('0 is allowed and flags every item whose groups differ at all', async () => {
    const zero = await items('--perception-gap', '0');
    for (const item of zero) expect(item.flags.includes('perception-gap'), item.id).toBe(item.spread !== null);
  });
});
