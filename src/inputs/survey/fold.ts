/**
 * Text compared as people read it (docs/file-formats.md, "Mapping file": headers "compared with white space folded and case
 * ignored"; the same for labels, na words and respondent values): trimmed, runs of white space
 * (line breaks and no-break spaces too) as one space, lower case, typographic quotes as straight ones.
 */
export function fold(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A cell's value as shown in a message: control characters escaped, long text cut. */
export function shown(value: string, max = 60): string {
  // eslint-disable-next-line no-control-regex
  const safe = value.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return safe.length > max ? `${safe.slice(0, max)}…` : safe;
}

/** 0 → `A`, 25 → `Z`, 26 → `AA`: the column letter a spreadsheet shows. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `F` → 5, `AA` → 26; undefined for anything that is not one to three letters. */
export function letterIndex(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}
