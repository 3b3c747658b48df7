// `literal` skips remark's printer for text that has nothing to escape: the
// shortcut must give exactly what the printer gives, for any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { literal, printedLiteral } from '../src/markdown/inline.js';

const pieces = ['a', 'é', 'Z', ' ', '  ', '1', '12', '0', '.', ')', '-', '+', '>', '#', '=', '*', '_', '`', '[', ']', '<', '&', '|', '\\', '~', '!', '{',
  ':', '//', 'www.', '@', ',', ';', '?', '«', '»', '\u00a0', '\t', '\n', "'", '"', '(', '%', '/', 'http://x.fr', 'C#', '1.', '2)', 'agents', '\u007f', '\u0001', 'w', 'W', 'kW', 'x'];

describe('literal', () => {
  it('gives what the printer gives, shortcut or not', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join('')), (text) => {
      expect(literal(text), JSON.stringify(text)).toBe(printedLiteral(text));
    }), { numRuns: Number(process.env.INLINE_RUNS ?? 3000) });
    for (const text of ['12', '12 agents', '1. x', '12 - x', '3 ETP', 'SPIP du Pas-de-Calais', 'Antenne de Béthune', '1er étage', '#1', 'a_b', '12.5', ':-', 'a :- b', '-:', 'x:y', 'W.C.', 'kW.h', 'Bât W.2']) {
      expect(literal(text), text).toBe(printedLiteral(text));
    }
  });
});
