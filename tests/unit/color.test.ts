import { describe, expect, it } from 'vitest';
import { colorEnabled, styleFor } from '../../src/cli/color.js';

describe('colour', () => {
  it.each([
    [true, {}, false, true],
    [false, { FORCE_COLOR: '1' }, true, false],
    [undefined, { NO_COLOR: '1', FORCE_COLOR: '1' }, true, false],
    [undefined, { FORCE_COLOR: '1' }, false, true],
    [undefined, { FORCE_COLOR: '0' }, true, false],
    [undefined, { NO_COLOR: '' }, true, true],
    [undefined, {}, false, false],
  ] as const)('flag %s, env %o, terminal %s → %s', (flag, env, tty, expected) => {
    expect(colorEnabled(flag, env, tty)).toBe(expected);
  });

  it('gives style functions that take one argument, so they can be passed to map()', async () => {
    const style = await styleFor(true);
    expect(['a', 'b'].map(style.cyan)).toEqual(['\u001b[36ma\u001b[39m', '\u001b[36mb\u001b[39m']);
    expect(['x'].map(style.bold)).toEqual(['\u001b[1mx\u001b[22m']);
  });
});
