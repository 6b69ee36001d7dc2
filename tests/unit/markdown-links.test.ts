/**
 * Bare URLs in user text do not become live links under GitHub's Markdown (GFM's autolink
 * extension): the report quotes what a respondent wrote, it does not link to it.
 */
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/report/shared/escape-markdown.js';

describe('escapeMarkdown and autolinks', () => {
  it.each([
    ['see https://evil.example/x now', 'see https\\://evil.example/x now'],
    ['HTTP://A.B', 'HTTP\\://A.B'],
    ['www.evil.example', 'www\\.evil.example'],
    ['mail me: boss@evil.example', 'mail me: boss\\@evil.example'],
    ['ftp://x', 'ftp\\://x'],
  ])('%j → %j', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });

  it('leaves no extended autolink in the text GitHub would read', () => {
    // What GFM's extended autolink needs: a scheme and `://`, `www.`, or `x@y.z`, unescaped.
    const out = escapeMarkdown('a https://x.example b www.y.example c z@w.example');
    expect(out).not.toMatch(/(?<!\\)(:\/\/|\bwww\.|@)/);
  });
});
