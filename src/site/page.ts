/**
 * A visit's page on the site: the standalone bulletin exactly as `visite
 * render` writes it, with a small navigation bar right after `<body>` (back
 * to the index, the PDF and Markdown beside it), all links relative.
 */
import { escapeXml } from './text.js';

const NAV_STYLE = '<style>.site-nav { font-size: .95rem; margin: 0 0 1rem; } .site-nav a { margin-right: 1rem; } @media print { .site-nav { display: none; } }</style>';

/** The page of `<slug>/index.html` from the bulletin's HTML document. */
export function visitPage(documentHtml: string, slug: string): string {
  const e = escapeXml;
  const nav = `<nav class="site-nav" aria-label="Navigation"><a href="../index.html">← Tous les bulletins</a>`
    + `<a href="${e(`${slug}.pdf`)}" type="application/pdf">PDF</a><a href="${e(`${slug}.md`)}" type="text/markdown">Markdown</a></nav>`;
  // The document's head holds only escaped text, so its first `<body>` and `</head>` lines are the real ones.
  const head = documentHtml.indexOf('\n</head>\n');
  const body = documentHtml.indexOf('\n<body>\n');
  if (head < 0 || body < head) throw new Error('visitPage: not a document made by htmlDocument');
  const at = body + '\n<body>\n'.length;
  return `${documentHtml.slice(0, head)}\n<link rel="icon" href="data:,">\n${NAV_STYLE}${documentHtml.slice(head, at)}${nav}\n${documentHtml.slice(at)}`;
}
