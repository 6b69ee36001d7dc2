/**
 * Windows-1252, the code page Excel on Windows writes for "CSV (Comma delimited)" in Western
 * locales: Latin-1 except 0x80–0x9F, which hold typographic characters (€ ‘ ’ “ ” – —).
 * The five bytes that code page leaves undefined map to the C1 controls of the same number,
 * as the WHATWG Encoding Standard does (https://encoding.spec.whatwg.org/index-windows-1252.txt),
 * so every byte becomes a character and none is replaced.
 */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

const TABLE = new Uint16Array(256).map((_, byte) => (byte >= 0x80 && byte < 0xa0 ? HIGH[byte - 0x80]! : byte));

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const step = 8192; // fromCharCode's argument count stays far below the engine's limit
  for (let start = 0; start < bytes.length; start += step) {
    const end = Math.min(bytes.length, start + step);
    const codes = new Uint16Array(end - start);
    for (let i = start; i < end; i++) codes[i - start] = TABLE[bytes[i]!]!;
    out += String.fromCharCode(...codes);
  }
  return out;
}
