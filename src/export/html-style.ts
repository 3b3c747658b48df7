/** The stylesheet of a standalone bulletin: readable on screen, A4 on paper. */
import type { ChartColors } from './charts.js';

/** CSS with the union's colours. */
export function styleSheet(c: ChartColors): string {
  return `
:root { --primary: ${c.primary}; --accent: ${c.accent}; --text: ${c.text}; }
html { font-family: "Libertinus Serif", Georgia, "Times New Roman", serif; color: var(--text); line-height: 1.5; }
body { max-width: 46rem; margin: 0 auto; padding: 1.5rem; }
.banner { border-bottom: 3px solid var(--accent); padding-bottom: .5rem; margin-bottom: 1.5rem; }
.banner .logo { max-height: 4rem; }
h1 { color: var(--primary); font-size: 1.8rem; line-height: 1.2; }
h2 { color: var(--primary); border-bottom: 1px solid var(--accent); padding-bottom: .2rem; margin-top: 2rem; }
h3 { color: var(--primary); }
p, li { text-align: justify; hyphens: auto; }
a { color: var(--primary); }
blockquote { border-left: 3px solid var(--accent); margin: 1rem 0; padding: .2rem 1rem; font-style: italic; }
table { border-collapse: collapse; margin: 1rem 0; font-size: .95rem; }
th, td { border: 1px solid #bbb; padding: .25rem .6rem; }
th { background: #f2f2f2; }
figure.charts { margin: 1rem 0; }
figure.charts svg { display: block; max-width: 100%; height: auto; margin-bottom: .5rem; }
@page { size: A4; margin: 2cm 2cm 2.2cm; }
@media print {
  html { font-size: 11pt; }
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3 { break-after: avoid; }
  table, figure, blockquote { break-inside: avoid; }
}
`.trim();
}
