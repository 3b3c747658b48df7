// A large batch is validated with worker threads: the results, in order,
// are those of validating each file alone — codes, places and text.
import { readdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateVisits } from '../scripts/generate-visits.js';
import { validateFile } from '../src/validate/index.js';
import { validateMany } from '../src/validate/many.js';
import { tempDir } from './helpers.js';

describe('validateMany', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ dir, cleanup } = await tempDir('visite-many-')));
  afterAll(async () => cleanup());

  it('gives, in order, what validating each file alone gives, with invalid files in every part', async () => {
    generateVisits(520, dir, 5);
    const paths = readdirSync(dir).sort().map((f) => join(dir, f));
    const broken = [3, 300, 519];
    for (const i of broken) {
      const text = readFileSync(paths[i]!, 'utf8').replace(/^(\s+)title: /m, '$1titel: ');
      writeFileSync(paths[i]!, text);
    }
    // Two threads whatever the machine: this thread takes the first part, a worker the rest.
    const results = await validateMany(paths, undefined, 2);
    expect(results.map((r) => r.path)).toEqual(paths);
    for (const i of [...broken, 0, 260, 518]) {
      const alone = await validateFile(paths[i]!);
      expect(results[i]!.diagnostics, paths[i]).toEqual(alone.diagnostics);
      if (broken.includes(i)) {
        expect(results[i]!.diagnostics.map((d) => d.code)).toContain('schema-unknown-key');
        expect(results[i]!.text).toBe(alone.text);
      }
    }
    expect(results.filter((r) => r.diagnostics.length > 0).map((r) => paths.indexOf(r.path))).toEqual(broken);
  });
});
