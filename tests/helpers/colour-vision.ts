/**
 * Colour arithmetic for the tests that check a report's colours: sRGB to CIELAB, the CIEDE2000
 * colour difference, and the simulation of the three dichromacies.
 *
 * - sRGB: IEC 61966-2-1 transfer function and its D65 matrix to CIE XYZ.
 * - CIELAB: CIE 15:2004, D65 white (0.95047, 1, 1.08883).
 * - CIEDE2000: G. Sharma, W. Wu, E. N. Dalal, "The CIEDE2000 color-difference formula:
 *   implementation notes, supplementary test data, and mathematical observations", Color Research
 *   and Application 30(1), 2005, 21–30 (https://hajim.rochester.edu/ece/sites/gsharma/ciede2000/);
 *   tests/unit/html-colour-vision.test.ts checks this code against its test pairs.
 * - Dichromacy: G. M. Machado, M. M. Oliveira, L. A. F. Fernandes, "A Physiologically-based Model
 *   for Simulation of Color Vision Deficiency", IEEE Transactions on Visualization and Computer
 *   Graphics 15(6), 2009, 1291–1298; the severity-1.0 matrices of the authors' table
 *   (https://www.inf.ufrgs.br/~oliveira/pubs_files/CVD_Simulation/CVD_Simulation.html), applied to
 *   linear RGB as the paper does.
 */

export type Rgb = readonly [number, number, number];
export type Lab = readonly [number, number, number];
export type Vision = 'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia';
export const VISIONS: readonly Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];

type Matrix = readonly [Rgb, Rgb, Rgb];

const MACHADO: Readonly<Record<Exclude<Vision, 'normal'>, Matrix>> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** `#a50026`, `#fff`, `rgb(165, 0, 38)` or `rgba(…)` as sRGB in 0..1. */
export function parseColour(text: string): Rgb {
  const t = text.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(t);
  if (hex) {
    const h = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!;
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255) as unknown as Rgb;
  }
  const rgb = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(t);
  if (rgb) return [Number(rgb[1]) / 255, Number(rgb[2]) / 255, Number(rgb[3]) / 255];
  throw new Error(`not a colour: ${text}`);
}

function toLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function apply(m: Matrix, v: Rgb): Rgb {
  const row = (r: Rgb): number => Math.min(1, Math.max(0, r[0] * v[0] + r[1] * v[1] + r[2] * v[2]));
  return [row(m[0]), row(m[1]), row(m[2])];
}

/** The colour as a reader with this vision sees it, in linear RGB. */
function seen(rgb: Rgb, vision: Vision): Rgb {
  const linear = rgb.map(toLinear) as unknown as Rgb;
  return vision === 'normal' ? linear : apply(MACHADO[vision], linear);
}

function labOfLinear([r, g, b]: Rgb): Lab {
  const x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = 0.0193339 * r + 0.119192 * g + 0.9503041 * b;
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const [fx, fy, fz] = [f(x / 0.95047), f(y), f(z / 1.08883)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** CIELAB of a colour as seen with a vision. */
export function labAs(colour: string, vision: Vision = 'normal'): Lab {
  return labOfLinear(seen(parseColour(colour), vision));
}

/** C*ab: how far from grey a colour is. */
export function chroma(colour: string): number {
  const [, a, b] = labAs(colour);
  return Math.hypot(a, b);
}

/** CIEDE2000 (kL = kC = kH = 1), following Sharma et al.'s implementation notes step by step. */
export function ciede2000([L1, a1, b1]: Lab, [L2, a2, b2]: Lab): number {
  const rad = Math.PI / 180;
  const C1 = Math.hypot(a1, b1);
  const C2 = Math.hypot(a2, b2);
  const meanC = (C1 + C2) / 2;
  const G = 0.5 * (1 - Math.sqrt(meanC ** 7 / (meanC ** 7 + 25 ** 7)));
  const a1p = (1 + G) * a1;
  const a2p = (1 + G) * a2;
  const C1p = Math.hypot(a1p, b1);
  const C2p = Math.hypot(a2p, b2);
  const hue = (b: number, a: number): number => {
    if (a === 0 && b === 0) return 0;
    const h = Math.atan2(b, a) / rad;
    return h < 0 ? h + 360 : h;
  };
  const h1p = hue(b1, a1p);
  const h2p = hue(b2, a2p);
  const dL = L2 - L1;
  const dC = C2p - C1p;
  let dh = 0;
  if (C1p * C2p !== 0) {
    dh = h2p - h1p;
    if (dh > 180) dh -= 360;
    else if (dh < -180) dh += 360;
  }
  const dH = 2 * Math.sqrt(C1p * C2p) * Math.sin((dh / 2) * rad);
  const meanL = (L1 + L2) / 2;
  const meanCp = (C1p + C2p) / 2;
  let meanH = h1p + h2p;
  if (C1p * C2p !== 0) {
    if (Math.abs(h1p - h2p) <= 180) meanH = (h1p + h2p) / 2;
    else meanH = h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
  }
  const T = 1 - 0.17 * Math.cos((meanH - 30) * rad) + 0.24 * Math.cos(2 * meanH * rad) + 0.32 * Math.cos((3 * meanH + 6) * rad) - 0.2 * Math.cos((4 * meanH - 63) * rad);
  const dTheta = 30 * Math.exp(-(((meanH - 275) / 25) ** 2));
  const RC = 2 * Math.sqrt(meanCp ** 7 / (meanCp ** 7 + 25 ** 7));
  const SL = 1 + (0.015 * (meanL - 50) ** 2) / Math.sqrt(20 + (meanL - 50) ** 2);
  const SC = 1 + 0.045 * meanCp;
  const SH = 1 + 0.015 * meanCp * T;
  const RT = -Math.sin(2 * dTheta * rad) * RC;
  return Math.sqrt((dL / SL) ** 2 + (dC / SC) ** 2 + (dH / SH) ** 2 + RT * (dC / SC) * (dH / SH));
}

/** The difference between two colours as a reader with this vision sees them. */
export function differenceAs(one: string, other: string, vision: Vision): number {
  return ciede2000(labAs(one, vision), labAs(other, vision));
}

/** The WCAG 2 contrast ratio of two colours (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio). */
export function contrast(one: string, other: string): number {
  const luminance = (colour: string): number => {
    const [r, g, b] = parseColour(colour).map(toLinear);
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [luminance(one), luminance(other)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Every pair of named colours whose difference, under any of the four visions, is below `threshold`. */
export function closePairs(colours: Readonly<Record<string, string>>, threshold: number): string[] {
  const names = Object.keys(colours);
  const close: string[] = [];
  for (const vision of VISIONS) {
    names.forEach((a, i) => {
      for (const b of names.slice(i + 1)) {
        const d = differenceAs(colours[a]!, colours[b]!, vision);
        if (d < threshold) close.push(`${vision}: ${a} ${colours[a]} and ${b} ${colours[b]} differ by ${d.toFixed(1)}`);
      }
    });
  }
  return close;
}
