// The Markdown stage parses a style's output with only the GFM it needs
// (tables, strikethrough). Whatever the delegate wrote, the tree must be the
// one the rest of GFM would give too: the prose was parsed with all of GFM and
// printed back, so nothing is left for footnotes or task lists to find, and
// its bare URLs are already links.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { describe, expect, it } from 'vitest';
import { visit as visit_ } from 'unist-util-visit';
import { stringify } from 'yaml';
import { generateVisit, prng as random } from '../scripts/generate-visits.js';
import { parseMarkdown } from '../src/markdown/index.js';
import { remarkLegalLinks } from '../src/markdown/legal.js';
import { remarkFrenchTypography } from '../src/markdown/typography.js';
import type { Visit } from '../src/schema/types.js';
import { styleOutput, withoutPositions } from './style-output.js';

/**
 * The Markdown stage as it would be with all of GFM but bare-URL links, which
 * find links even in text the view escaped to keep it literal (`https\://…`
 * in a title): the stage deliberately leaves those as written.
 */
function allOfGfm(md: string): Root {
  const processor = unified().use(remarkParse).use(function gfmButLiteralLinks(this: Processor) {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
    (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
  }).use(remarkLegalLinks, { refs: [] }).use(remarkFrenchTypography);
  return processor.runSync(processor.parse(md)) as Root;
}

describe('the Markdown stage parses with only the GFM a bulletin needs', () => {
  it('keeps a bare web address in prose as a link, and one in text taken literally as written', async () => {
    const visit = generateVisit(0, random(7)) as Visit;
    // A title that starts like a quote block is taken literally as a whole (inline.ts).
    visit.report.title = `> https://exemple.fr/a?b=c ${visit.report.title}`;
    visit.sites[0]!.difficulties = [{ topic: 'autre', text: 'Le protocole est sur https://exemple.fr/protocole, en ligne.' }];
    const tree = parseMarkdown(await styleOutput(stringify(visit)));
    const links: string[] = [];
    const texts: string[] = [];
    visit_(tree, (node) => {
      if (node.type === 'link') links.push(node.url);
      if (node.type === 'text') texts.push(node.value);
    });
    expect(links).toContain('https://exemple.fr/protocole');
    expect(links).not.toContain('https://exemple.fr/a?b=c');
    expect(texts.some((t) => t.includes('> https://exemple.fr/a?b=c'))).toBe(true);
  });

  it('gives the tree the rest of GFM gives, for the reference visits', async () => {
    for (const name of readdirSync('visits')) {
      const md = await styleOutput(readFileSync(join('visits', name), 'utf8'));
      expect(withoutPositions(parseMarkdown(md)), name).toEqual(withoutPositions(allOfGfm(md)));
    }
  });

  it('gives the tree the rest of GFM gives, whatever the delegate wrote', async () => {
    const prose = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.array(fc.constantFrom('https://exemple.fr/a?b=c', 'www.justice.gouv.fr', 'contact@spip.fr', '~~barré~~', '~un~', '[^1]', '[ ] ', '[x] ',
        '| a | b |', '|---|', '<https://x.fr>', '*', '_', '`', '\\', ':', ' ', '\n', '- ', '1. ', '> ', '#', 'é', 'http://', 'mailto:a@b.fr'), { maxLength: 12 }).map((p) => p.join('')),
    );
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), prose, async (seed, text) => {
      const visit = generateVisit(0, random(seed)) as Visit;
      visit.report.title = `${text} ${visit.report.title}`;
      const site = visit.sites[0]!;
      site.difficulties = [{ topic: 'autre', text: text.trim() === '' ? 'texte' : text }];
      const md = await styleOutput(stringify(visit));
      expect(withoutPositions(parseMarkdown(md)), md).toEqual(withoutPositions(allOfGfm(md)));
    }), { numRuns: Number(process.env.MARKDOWN_RUNS ?? 100) });
  }, 60_000);
});
