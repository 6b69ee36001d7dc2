/**
 * Any number of colours that tell apart, for more groups than a fixed palette
 * holds: hues spread evenly round the wheel, and lightness alternating
 * between a dark and a mid tone, so neighbours differ in both. Each colour is
 * set to a relative luminance rather than an HSL lightness (a yellow and a
 * blue of one HSL lightness look nothing alike), and both tones keep at
 * least 3:1 against white paper, the contrast WCAG asks of graphics.
 */

/** Relative luminance of the two tones (WCAG); 0.25 is 3.8:1 on white, 0.09 is 7.5:1. */
const TONES = [0.09, 0.25] as const;
const SATURATION = 0.75;
/** Start at blue, the first colour of the fixed palette. */
const FIRST_HUE = 210;

export function spreadColors(count: number): string[] {
  return Array.from({ length: count }, (_, i) => colorAt((FIRST_HUE + (i * 360) / count) % 360, TONES[i % 2]!));
}

/** The HSL colour of this hue whose luminance is the target, found by bisection on lightness. */
function colorAt(hue: number, luminance: number): string {
  let lo = 0;
  let hi = 1;
  for (let step = 0; step < 30; step++) {
    const mid = (lo + hi) / 2;
    if (relativeLuminance(hsl(hue, SATURATION, mid)) < luminance) lo = mid;
    else hi = mid;
  }
  return hex(hsl(hue, SATURATION, lo));
}

type Rgb = readonly [number, number, number];

function hsl(h: number, s: number, l: number): Rgb {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number): number => {
    const k = (n + h / 30) % 12;
    return l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  };
  return [f(0), f(8), f(4)];
}

function relativeLuminance([r, g, b]: Rgb): number {
  const linear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function hex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c * 255).toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}
