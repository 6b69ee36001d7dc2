/**
 * Escapes text for XML 1.0 content and attribute values (JUnit output).
 *
 * Characters outside XML 1.0's `Char` production (https://www.w3.org/TR/xml/#charsets) cannot be
 * written at all, not even as `&#0;`, so they are dropped: C0 controls other than tab, LF and CR,
 * lone surrogates, U+FFFE and U+FFFF. Tab, LF and CR become character references because parsers
 * turn them into spaces inside attribute values (https://www.w3.org/TR/xml/#AVNormalize).
 * `>` is escaped too, so `]]>` cannot appear in text.
 */
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

export function escapeXml(text: string): string {
  return text.replace(ILLEGAL, '').replace(/[&<>"'\t\n\r]/g, (c) => ENTITIES[c] ?? c);
}
