/**
 * Stage 6, export to Markdown: the tree printed back in canonical form,
 * under a YAML front matter that Hugo, Jekyll and WordPress importers read
 * as is. Loaded only when a `.md` is asked for.
 */
import { stringify } from 'yaml';
import { printMarkdown } from '../markdown/index.js';
import type { RenderedVisit } from '../render/index.js';

/**
 * The front matter as written into the .md file: no `<` or `>` in its
 * text, because site generators such as Jekyll print front matter into
 * pages without escaping it. (The data itself stays as the delegate wrote it.)
 */
function frontMatterText(fm: Record<string, unknown>): string {
  const inert = (v: unknown): unknown =>
    typeof v === 'string' ? v.replace(/</g, '&lt;').replace(/>/g, '&gt;') : Array.isArray(v) ? v.map(inert) : v;
  return stringify(Object.fromEntries(Object.entries(fm).map(([k, v]) => [k, inert(v)])), { lineWidth: 0 });
}

/** The `.md` file of a rendered visit: front matter, then the bulletin. */
export function markdownFile(rendered: Pick<RenderedVisit, 'tree' | 'frontMatter'>): string {
  return `---\n${frontMatterText(rendered.frontMatter)}---\n\n${printMarkdown(rendered.tree)}`;
}
