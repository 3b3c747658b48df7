/**
 * Golden tests: every folder of test/fixtures holds an `input.yaml` and the
 * diagnostics it must produce, `expected.json`: a list of
 * `{ code, severity, line, column }` (1-based), plus `suggestion` when the
 * diagnostic carries a "did you mean" suggestion. Positions were checked by eye.
 *
 * `UPDATE=1 npx vitest run test/fixtures.test.ts` rewrites every expected.json
 * from the actual output: check each position by eye before committing.
 *
 * Some expected.json files hold the RIGHT answer while the tool gives another
 * (known bugs, written by hand; do not regenerate them blindly with UPDATE=1):
 * yaml-bad-indent, yaml-bad-indent-over-indented-key, yaml-too-deep,
 * schema-pattern-malformed-date.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { validateFile } from '../src/validate/index.js';
import { FIXTURES, runCli } from './helpers.js';

interface Expected {
  code: string;
  severity: 'error' | 'warning';
  line: number | null;
  column: number | null;
  suggestion?: string;
}

const UPDATE = process.env.UPDATE === '1';

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** Orders by line, column, then code, as expected.json files are written. */
function ordered(list: Expected[]): Expected[] {
  return [...list].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.code.localeCompare(b.code));
}

function summarise(d: Diagnostic): Expected {
  const out: Expected = { code: d.code, severity: d.severity, line: d.place?.line ?? null, column: d.place?.column ?? null };
  if (typeof d.params.suggestion === 'string') out.suggestion = d.params.suggestion;
  return out;
}

async function diagnosticsOf(name: string): Promise<Diagnostic[]> {
  return (await validateFile(join(FIXTURES, name, 'input.yaml'))).diagnostics;
}

describe('fixtures: test/fixtures/<case>/input.yaml gives exactly expected.json', () => {
  it('has enough cases, each with an input.yaml and an expected.json', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    for (const name of cases) {
      expect(existsSync(join(FIXTURES, name, 'input.yaml')), `${name}/input.yaml`).toBe(true);
      if (!UPDATE) expect(existsSync(join(FIXTURES, name, 'expected.json')), `${name}/expected.json`).toBe(true);
    }
  });

  it.each(cases)('%s', async (name) => {
    const actual = ordered((await diagnosticsOf(name)).map(summarise));
    const expectedPath = join(FIXTURES, name, 'expected.json');
    if (UPDATE) {
      writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      return;
    }
    const expected = ordered(JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected[]);
    expect(actual).toEqual(expected);
  });
});

// The tests above run the sources, where ajv compiles the schemas at run
// time. The command a delegate runs uses the validators precompiled by
// `npm run build` (lib/schema/validators.js): they must find the same.
describe('fixtures: the built command finds exactly the same', () => {
  it('visite validate --format json over every case', async () => {
    const run = await runCli(['validate', '--format', 'json', ...cases.map((name) => join('test', 'fixtures', name, 'input.yaml'))]);
    const report = JSON.parse(run.stdout) as { files: { file: string; diagnostics: Expected[] }[] };
    expect(report.files).toHaveLength(cases.length);
    for (const { file, diagnostics } of report.files) {
      const name = file.split(/[\\/]/).at(-2)!;
      const expected = ordered(JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as Expected[]);
      const actual = ordered(diagnostics.map(({ code, severity, line, column }) => ({ code, severity, line, column })));
      expect(actual, name).toEqual(expected.map(({ code, severity, line, column }) => ({ code, severity, line, column })));
    }
  });
});

describe('fixtures: every case shows the diagnostic it is named after', () => {
  // Folder names start with the code they exercise (or say "valid").
  const codeOf = (name: string): string | undefined =>
    ['valid', 'three-mistakes'].some((p) => name.startsWith(p)) ? undefined : name;

  it.each(cases.filter((name) => codeOf(name) !== undefined))('%s', (name) => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as Expected[];
    expect(expected.length).toBeGreaterThan(0);
    for (const e of expected) expect(name.startsWith(e.code), `${name} expects ${e.code}`).toBe(true);
  });

  it('valid cases expect no diagnostic at all', () => {
    for (const name of cases.filter((n) => n.startsWith('valid'))) {
      expect(JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')), name).toEqual([]);
    }
  });

  it('covers every YAML, schema and rule code a visit file can trigger', () => {
    const covered = new Set(cases.flatMap((name) =>
      (JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as Expected[]).map((e) => e.code)));
    const required = [
      'file-empty', 'yaml-duplicate-key', 'yaml-tab-indent', 'yaml-bad-indent', 'yaml-unterminated-string',
      'yaml-too-deep', 'yaml-alias-limit', 'yaml-unknown-tag', 'yaml-multiple-documents',
      'schema-required', 'schema-unknown-key', 'schema-type', 'schema-enum', 'schema-const', 'schema-pattern',
      'schema-format', 'schema-range', 'schema-length', 'schema-items',
      'date-invalid', 'date-order', 'date-outside-visit', 'subcount-exceeds-total', 'unknown-reference',
      'duplicate-id', 'occupancy-over-capacity', 'range-inverted', 'caseload-empty', 'cap-window-negative',
    ];
    expect(required.filter((code) => !covered.has(code))).toEqual([]);
  });

  it('the three-mistakes case reports three independent problems', () => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'three-mistakes', 'expected.json'), 'utf8')) as Expected[];
    expect(new Set(expected.map((e) => e.code)).size).toBe(3);
    expect(new Set(expected.map((e) => e.line)).size).toBe(3);
  });
});

describe('fixtures: parameters a message is built from', () => {
  const one = async (name: string, code: string): Promise<Diagnostic> => {
    const found = (await diagnosticsOf(name)).filter((d) => d.code === code);
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it('yaml-duplicate-key names the whole duplicated key', async () => {
    expect((await one('yaml-duplicate-key', 'yaml-duplicate-key')).params.key).toBe('title');
  });

  it('yaml-unknown-tag names the tag', async () => {
    expect((await one('yaml-unknown-tag', 'yaml-unknown-tag')).params.tag).toBe('!secret');
  });

  it('schema-unknown-key names the key and suggests the near miss', async () => {
    const d = await one('schema-unknown-key', 'schema-unknown-key');
    expect(d.params.key).toBe('staffnig');
    expect(d.params.suggestion).toBe('staffing');
    expect(d.path).toEqual(['sites', 0, 'staffnig']);
  });

  it('schema-required names the missing key and its parent', async () => {
    const d = await one('schema-required-nested-map', 'schema-required');
    expect(d.params).toMatchObject({ key: 'date', parent: 'published' });
  });

  it('schema-enum suggests the near miss', async () => {
    expect((await one('schema-enum', 'schema-enum')).params).toMatchObject({ value: 'antene-mo', suggestion: 'antenne-mo' });
  });

  it('unknown-reference says what kind of id is unknown', async () => {
    expect((await one('unknown-reference-service', 'unknown-reference')).params).toMatchObject({ id: 'spip26', kind: 'service' });
    expect((await one('unknown-reference-site', 'unknown-reference')).params).toMatchObject({ id: 'alip-aras', kind: 'site' });
    expect((await one('unknown-reference-place', 'unknown-reference')).params).toMatchObject({ id: 'cp-longuenesse', kind: 'place' });
    expect((await one('unknown-reference-unit', 'unknown-reference')).params).toMatchObject({ id: 'equipe-m0', kind: 'unit' });
  });

  it('duplicate-id names the first use', async () => {
    expect((await one('duplicate-id', 'duplicate-id')).params).toMatchObject({ id: 'spip62', first: 'services.0.id' });
  });
});
