// The quick loader (js-yaml, for `visite validate`) against the full one
// (yaml): whenever the quick path accepts a text, the full loader must read
// the same data with nothing to report, and validation must say the same
// thing either way. Checked on every YAML file of the repository, on
// mutations of real visits, and scalar by scalar.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseVisitText } from '../src/load.js';
import { quickLoad } from '../src/load-quick.js';
import { validateFile } from '../src/validate/index.js';
import { resolveCoreScalar } from '../src/yaml-core.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const corpus = ['visits', 'examples', 'test/fixtures', 'test/hostile', 'test/internal'].flatMap(yamlFiles);

/** The quick path reads what the full loader reads, with nothing to report, or declines. Returns whether it accepted. */
function agrees(text: string): boolean {
  const quick = quickLoad('q.yaml', text);
  if (!quick) return false;
  const full = parseVisitText('q.yaml', text);
  expect(full.diagnostics.map((d) => d.code), text).toEqual([]);
  expect(quick.data, text).toEqual(full.data);
  expect(quick.internal.map((p) => p.join('/')).sort(), text).toEqual(full.internal.map((p) => p.join('/')).sort());
  return true;
}

describe('quick loader', () => {
  it('reads what the full loader reads, on every YAML file of the repository', () => {
    let accepted = 0;
    for (const path of corpus) if (agrees(readFileSync(path, 'utf8'))) accepted++;
    // Plain visits take the quick path (else it would be dead code); unusual files do not.
    expect(accepted).toBeGreaterThan(corpus.length / 3);
    expect(quickLoad('a.yaml', 'a: &x 1\nb: *x\n')).toBeUndefined();
    expect(quickLoad('a.yaml', '%YAML 1.1\n---\na: yes\n')).toBeUndefined();
    expect(quickLoad('a.yaml', 'a: !!str 12\n')).toBeUndefined();
    expect(quickLoad('a.yaml', 'a: 1\na: 2\n')).toBeUndefined();
    expect(quickLoad('a.yaml', 'a: 1\n---\nb: 2\n')).toBeUndefined();
    expect(quickLoad('a.yaml', 'a: « Attention ! »\nb: !internal 3\n')?.internal).toEqual([['b']]);
    expect(quickLoad('a.yaml', '{"n":!<tag:visite.invalid,2026:core> 12}\n')).toBeUndefined();
    expect(quickLoad('a.yaml', 'a: "x\ry"\n')).toBeUndefined();
    expect(quickLoad('a.yaml', 'a:\n  b: 1\n\t\n  c: 2\n')).toBeUndefined();
    expect(quickLoad('a.yaml', 'a:\n  b:\n#  - x\n    y\n')).toBeUndefined();
    expect(quickLoad('a.yaml', '---\n  ---\n<<: 1\n')).toBeUndefined();
    expect(quickLoad('a.yaml', '---\na: 1\n')?.data).toEqual({ a: 1 });
    expect(quickLoad('a.yaml', '\r\n\ufeff#key:')).toBeUndefined();
    expect(quickLoad('a.yaml', '\ufeffa: 1\n')?.data).toEqual({ a: 1 });
    // The layout checks look at each line once: 100,000 comment lines (a quadratic scan would hang the test).
    expect(quickLoad('a.yaml', `${'# c\n'.repeat(100_000)}a: 1\n`)?.data).toEqual({ a: 1 });
  });

  it('gives the same diagnostics, codes and places, as the full loader on every file', async () => {
    for (const path of corpus) {
      const quick = await validateFile(path);
      const full = await validateFile(path, undefined, { quick: false });
      expect(quick.diagnostics, path).toEqual(full.diagnostics);
      expect(quick.data, path).toEqual(full.data);
    }
  });

  it('never accepts a mutation of a real visit that the full loader reads otherwise', () => {
    const visits = yamlFiles('visits').map((p) => readFileSync(p, 'utf8'));
    const pieces = [' ', '  ', '\t', '\n', '\r', ':', ': ', '":!', '#', '  #', '- ', '#', '"', "'", '[', ']', '{', '}', ',', '|', '>', '|-', '>+', '?', '&a', '*a', '!', '!internal ', '\\', '\r\n', '%', '---', '...', '0x1F', '1_000', '.inf', '~', 'é', '\u00a0', '\u2028'];
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 8 }), insert: fc.array(fc.constantFrom(...pieces), { maxLength: 4 }) });
    let accepted = 0;
    fc.assert(fc.property(fc.nat({ max: visits.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 4 }), (which, edits) => {
      let text = visits[which]!;
      for (const e of edits) {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.insert.join('') + text.slice(at + e.remove);
      }
      if (agrees(text)) accepted++;
    }), { numRuns: Number(process.env.QUICK_RUNS ?? 400), seed: Number(process.env.QUICK_SEED ?? 20261122) });
    // Many mutations leave a valid plain file: the quick path must take a good share of them (71 of 400 when written).
    expect(accepted).toBeGreaterThan(Number(process.env.QUICK_RUNS ?? 400) / 10);
  });

  it('never accepts arbitrary YAML-like text that the full loader reads otherwise', () => {
    const token = fc.constantFrom('a', 'b: ', 'key:', ' ', '  ', '\n', '\r\n', '\t', '- ', '? ', ': ', '[', ']', '{', '}', ',', '"', "'", '\\', '#', '|', '>', '|-', '>2',
      '&x ', '*x', '!internal ', '!x ', '!!str ', '%YAML 1.2\n', '---\n', '...\n', '<<: ', '~', 'null', 'true', '0x1F', '0o7', '1e3', '.inf', '-', '?!', '-&x', ':*x', '"a":', '@', '`', '\u00a0', '\ufeff', '\u2028', 'é');
    let accepted = 0;
    fc.assert(fc.property(fc.array(token, { maxLength: 40 }).map((t) => t.join('')), (text) => {
      if (agrees(text)) accepted++;
    }), { numRuns: Number(process.env.QUICK_RUNS ?? 400) * 2, seed: Number(process.env.QUICK_SEED ?? 20261122) });
    // About one text in twenty is a plain map the quick path takes (39 of 800 when written).
    expect(accepted).toBeGreaterThan(10);
  });

  it('takes the visits and styles of the repository, and text that only looks like a tag, an alias or a comment', () => {
    for (const name of readdirSync('visits')) expect(agrees(readFileSync(join('visits', name), 'utf8')), name).toBe(true);
    for (const name of ['fo-justice-cpip', 'cgt-ip']) expect(agrees(readFileSync(join('templates', name, 'style.yaml'), 'utf8')), name).toBe(true);
    for (const prose of ['Et alors ?! Rien.', 'note:!important', 'moins-*vite', 'trois -!', 'a ?*b', '"#1f3a93"', "'#fff'", '"{union} – le {date}"'])
      expect(agrees(`title: ${prose}\ntext: |\n  ${prose}\n`), prose).toBe(true);
  });

  it('reads plain scalars as YAML 1.2 core does', () => {
    const scalars = ['', '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'yes', 'no', 'on', 'off', 'y',
      '12', '+12', '-12', '012', '0o17', '0o18', '0x1F', '0X1F', '-0x1F', '1_000', '1.5', '1.', '.5', '-.5', '1e3', '1E-3', '+1.5e+3', '.inf', '-.Inf', '+.INF',
      '.nan', '.NaN', 'NaN', 'inf', '0b101', '2024-01-24', '12:30', '1,5', '0.1.2', '00', '-0', '+'];
    for (const s of scalars) {
      const expected = (parse(`v: ${s}\n`) as { v: unknown }).v;
      expect(resolveCoreScalar(s), s).toEqual(expected);
      expect(quickLoad('s.yaml', `v: ${s}\n`)?.data, s).toEqual({ v: expected });
    }
  });
});
