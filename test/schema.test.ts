// The schema is emitted from one definition; these tests fail when the
// committed JSON or the generated types drift from it, and when a property
// lacks the French text an editor shows.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { updatedReadme } from '../scripts/gen-docs.js';
import { schemaJson, typesSource } from '../scripts/gen-schema.js';
import { codeRows } from '../src/messages.js';
import { visitSchema } from '../src/schema/definition.js';

const root = new URL('../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

type Node = Record<string, unknown>;

/** Every subschema with the path that leads to it. */
function* walk(node: unknown, path: string): Generator<[Node, string]> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* walk(item, `${path}/${i}`);
    return;
  }
  const n = node as Node;
  yield [n, path];
  for (const [k, v] of Object.entries(n)) {
    // Conditions (if) are not what an editor shows.
    if (k === 'enum' || k === 'markdownEnumDescriptions' || k === 'required' || k === 'const' || k === 'if') continue;
    yield* walk(v, `${path}/${k}`);
  }
}

describe('visit schema', () => {
  it('is committed exactly as the definition emits it (run `npm run gen` after editing)', () => {
    expect(read('schemas/visit.schema.json')).toBe(schemaJson(visitSchema));
  });

  it('has TypeScript types generated from it (run `npm run gen` after editing)', async () => {
    expect(read('src/schema/types.ts')).toBe(await typesSource(visitSchema));
  }, 30_000);

  it('is a valid JSON Schema 2020-12 document', () => {
    const ajv = new Ajv2020({ strict: false });
    expect(ajv.validateSchema(visitSchema)).toBe(true);
  });

  it('gives every property a French title and description', () => {
    const missing: string[] = [];
    for (const [node, path] of walk(visitSchema, '#')) {
      const properties = node.properties as Record<string, Node> | undefined;
      for (const [name, prop] of Object.entries(properties ?? {})) {
        if (typeof prop.title !== 'string' || typeof prop.description !== 'string') missing.push(`${path}/properties/${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('explains every enum value to the editor', () => {
    const bad: string[] = [];
    for (const [node, path] of walk(visitSchema, '#')) {
      if (!Array.isArray(node.enum)) continue;
      const texts = node.markdownEnumDescriptions;
      if (!Array.isArray(texts) || texts.length !== node.enum.length || texts.some((t) => typeof t !== 'string' || t.length < 3)) bad.push(path);
    }
    expect(bad).toEqual([]);
  });

  it('refuses unknown keys in every mapping', () => {
    const open: string[] = [];
    for (const [node, path] of walk(visitSchema, '#')) {
      if (node.type === 'object' && node.additionalProperties !== false) open.push(path);
    }
    expect(open).toEqual([]);
  });
});

describe('README', () => {
  it('shows the field reference and the code table as the code defines them (run `npm run gen`)', () => {
    const readme = read('README.md');
    expect(readme).toBe(updatedReadme(readme, visitSchema, codeRows()));
  });

  it('lists every diagnostic code', () => {
    const readme = read('README.md');
    for (const { code } of codeRows()) expect(readme).toContain(`| \`${code}\` |`);
  });
});

describe('example visits', () => {
  for (const name of ['2024-01-24-spip62-fo-justice-cpip.yaml', '2026-02-05-spip62-cgt-ip.yaml']) {
    it(`${name} names the schema on its first line, for the editor`, () => {
      expect(read(`visits/${name}`).split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/visit.schema.json');
    });
  }
});
