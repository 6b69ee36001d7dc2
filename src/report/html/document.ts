/**
 * The page shell: one self-contained HTML file. The Content-Security-Policy
 * states in the file itself what the report promises: no script, no request
 * of any kind (fonts, images, styles from elsewhere); only the inline style
 * sheet, and `data:` images should a future chart need one. A mail client or
 * browser that honours it cannot be made to run or fetch anything by a
 * hostile rubric, even if an escaping bug slipped through.
 */
import { html, trusted, type Markup } from './html.js';
import { STYLES } from './styles.js';

export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export interface PageOptions {
  /** The document title (user text: escaped). */
  readonly title: string;
  readonly body: Markup;
}

export function htmlDocument({ title, body }: PageOptions): string {
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${trusted(CONTENT_SECURITY_POLICY)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="svcaudit">
<title>${title}</title>
<style>${trusted(STYLES)}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
  return page.text;
}
