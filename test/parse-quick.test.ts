// Differential tests of the quick Markdown parser (markdown-it) against the
// reference (remark-parse with the house GFM): whenever the quick path reads a
// document, it must give the very tree remark-parse gives, positions aside.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { generateVisit, prng as random } from '../scripts/generate-visits.js';
import { remarkTree } from '../src/markdown/index.js';
import { quickParse } from '../src/markdown/parse-quick.js';
import type { Visit } from '../src/schema/types.js';
import { styleOutput, withoutPositions } from './style-output.js';

const RUNS = Number(process.env.MARKDOWN_RUNS ?? 100);

/** Whether the quick path read the text; when it did, its tree must be remark-parse's. */
function agrees(markdown: string): boolean {
  const quick = quickParse(markdown);
  if (!quick) return false;
  expect(withoutPositions(quick), markdown).toEqual(withoutPositions(remarkTree(markdown)));
  return true;
}

describe('quick Markdown parser', () => {
  it('reads the bulletins of the reference visits, in both built-in styles, as remark-parse does', async () => {
    for (const name of readdirSync('visits')) {
      for (const style of ['fo-justice-cpip', 'cgt-ip']) {
        expect(agrees(await styleOutput(readFileSync(join('visits', name), 'utf8'), style)), `${name} in ${style}`).toBe(true);
      }
    }
  });

  it('reads every generated bulletin', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const visit = generateVisit(seed, random(seed)) as Visit;
      expect(agrees(await styleOutput(stringify(visit))), `seed ${seed}`).toBe(true);
    }
  });

  it('reads generated bulletins with arbitrary prose as remark-parse does, or leaves them to it', async () => {
    const prose = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.array(fc.constantFrom('https://exemple.fr/a?b=c', '~~barré~~', '~un~', '[^1]', '| a | b |', '<b>', '<!-- x -->', '&amp;', '&#x26;', '*', '**', '_', '`', '\\', ':', ' ',
        '  ', '\n', '\n\n', '- ', '1. ', '> ', '#', '[a](b)', '![i](x.png)', '---', '```', 'é', 'mailto:a@b.fr', '<a@b.fr>'), { maxLength: 14 }).map((p) => p.join('')),
    );
    let accepted = 0;
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), prose, prose, async (seed, text, other) => {
      const visit = generateVisit(0, random(seed)) as Visit;
      visit.report.title = `${text} ${visit.report.title}`;
      const site = visit.sites[0]!;
      site.difficulties = [{ topic: 'autre', text: text.trim() === '' ? 'texte' : text, position: [other.trim() === '' ? 'position' : other] }];
      if (agrees(await styleOutput(stringify(visit)))) accepted++;
    }), { numRuns: RUNS });
    // The prose here is often hostile (tildes, HTML, images…), which sends the bulletin to remark-parse.
    expect(accepted).toBeGreaterThan(RUNS * 0.25);
  }, 60_000);

  it('never reads arbitrary Markdown-like text otherwise than remark-parse', () => {
    const token = fc.constantFrom('a', 'b', ' ', '  ', '    ', '\n', '\n\n', '\t', '- ', '* ', '+ ', '1. ', '2) ', '> ', '# ', '## ', '---', '***', '===', '|', '| a | b |\n|---|:-:|\n', '|--|',
      '*', '**', '_', '__', '~', '~~', '`', '``', '\\', '[', ']', '(', ')', '[a](b "t")', '<', '>', '<b>', '</b>', '<!--', '-->', '<https://x.fr>', '&amp;', '&copy;', '&#65;', '&bad;',
      '!', '"', "'", ':', 'é', '\r', '\r\n', '😀', '€', '\u00a0|', '|\u202f', '\\\\|', '    > ', '\ufeff', '\u2028', '\u00a0', '<div>\n', '</div>', '```\n', '~~~', '    code', '[x]: /u');
    let accepted = 0;
    fc.assert(fc.property(fc.array(token, { maxLength: 40 }).map((t) => t.join('')), (text) => {
      if (agrees(text)) accepted++;
    }), { numRuns: RUNS * 20 });
    expect(accepted).toBeGreaterThan(RUNS);
  });

  it('leaves to remark-parse what it does not know', () => {
    for (const text of ['```\ncode\n```\n', '    indented code\n', '![image](x.png)\n', 'un ~tilde~ seul\n', '> - une liste\n> - dans une citation\n',
      `${'> '.repeat(60)}profond\n`, '<!--\n\n-->\n', '[x]: /u\n\n[a][x]\n', '===*===*a**\n', '[x]: /u## ([a](b "t")\n', '`    `\n', 'a\r- b\r\r- c\r',
      // Found by review: extra cells, no-break spaces and escaped backslashes in tables, emphasis next to an
      // emoji, a `>` after four spaces, a byte-order mark, a backtick run left open after a code span.
      '| a |\n|---|\n| b | c |\n', '| a |\n|---|\n| b\u00a0|\n', '| a\\\\| |\n|---|\n| b |\n', '😀_a_\n', '**«a»**😀\n',
      '> a\n    > b\n', '\ufeff# a\n', '*a\u2028*\n', '[`a` ``\n']) {
      expect(quickParse(text), text).toBeUndefined();
    }
  });
});
