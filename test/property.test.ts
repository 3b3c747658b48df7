// Property tests: whatever the text, load and validate answer with coded
// diagnostics; whatever valid visit, every output renders; derived figures
// are never NaN or negative.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateVisit, prng as random } from '../scripts/generate-visits.js';
import type { Code } from '../src/diagnostics.js';
import { deriveVisit } from '../src/derive/index.js';
import { htmlDocument } from '../src/export/html.js';
import { pdfBytes } from '../src/export/pdf.js';
import { describe as describeDiagnostic } from '../src/messages.js';
import { parseVisitText } from '../src/load.js';
import { renderVisit } from '../src/render/index.js';
import type { Visit } from '../src/schema/types.js';
import { validateText } from '../src/validate/text.js';
import { stringify } from 'yaml';
import { codeRows } from '../src/messages.js';

const CODES = new Set<Code>(codeRows().map((r) => r.code));

const yamlish = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.constantFrom('a:', ' ', '\n', '- ', '[', ']', '{', '}', '"', "'", '&x', '*x', '!internal', '!!str', '\t', '#', '|', '>', ':', '---', 'sites:', 'version: 1'), { maxLength: 80 }).map((parts) => parts.join('')),
);

describe('properties', () => {
  it('any text gives only coded, located diagnostics, never a throw', () => {
    fc.assert(fc.property(yamlish, (text) => {
      const file = validateText('p.yaml', text);
      for (const d of file.diagnostics) {
        expect(CODES.has(d.code)).toBe(true);
        expect(describeDiagnostic(d, 'fr').message.length).toBeGreaterThan(0);
        if (d.place) expect(d.place.line).toBeGreaterThanOrEqual(1);
      }
    }), { numRuns: 300 });
  });

  it('any generated valid visit, with arbitrary prose, renders to md, html and pdf and derives sane figures', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.string({ maxLength: 120 }), async (seed, prose) => {
      const visit = generateVisit(0, random(seed)) as Visit;
      visit.report.title = `${prose} ${visit.report.title}`;
      const site = visit.sites[0]!;
      site.name = prose.trim() === '' ? site.name : `${site.name} ${prose}`;
      site.difficulties = [{ topic: 'autre', text: prose.trim() === '' ? 'texte' : prose }];
      const text = stringify(visit);
      const file = validateText('g.yaml', text);
      expect(file.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const { result, diagnostics } = await renderVisit(parseVisitText('g.yaml', text));
      expect(diagnostics).toEqual([]);
      expect(htmlDocument(result!)).not.toMatch(/<script/i);
      const pdf = await pdfBytes(result!);
      expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
      for (const s of deriveVisit(visit).sites) {
        const numbers = [s.headcount, s.present, ...s.staff.flatMap((r) => [r.headcount, r.present, r.seconded, r.longLeave, r.planned]),
          ...s.caseload.flatMap((c) => [c.agents, c.perFte?.min, c.perFte?.max, c.missing?.min, c.missing?.max].filter((x): x is number => x !== undefined))];
        for (const n of numbers) {
          expect(Number.isNaN(n)).toBe(false);
          expect(n).toBeGreaterThanOrEqual(0);
        }
      }
    }), { numRuns: 40 });
  }, 60_000);
});
