// Same input, same bytes: two site builds in two separate folders (as two
// fresh clones would be), under different time zones and locales, give
// byte-identical output, PDF included.
import { createHash } from 'node:crypto';
import { cp, readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers.js';

async function hashes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(await readFile(p)).digest('hex');
    }
  };
  await walk(dir);
  return out;
}

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir('visite-repro-')));
afterAll(async () => cleanup());

describe('reproducible outputs', () => {
  it('two builds, in two folders, under Pacific/Kiritimati + C and Europe/Paris + fr_FR, are byte-identical', async () => {
    const runs = [
      { name: 'clone-a', env: { TZ: 'Pacific/Kiritimati', LANG: 'C', LC_ALL: 'C' } },
      { name: 'clone-b', env: { TZ: 'Europe/Paris', LANG: 'fr_FR.UTF-8', LC_ALL: 'fr_FR.UTF-8' } },
    ];
    for (const r of runs) {
      await cp(join(ROOT, 'visits'), join(dir, r.name, 'visits'), { recursive: true });
      const build = await runCli(['build', '--out', 'dist', '--base-url', 'https://exemple.invalid/visites/'], { cwd: join(dir, r.name), env: r.env });
      expect(build.code).toBe(0);
      const render = await runCli(['render', '--out', 'out'], { cwd: join(dir, r.name), env: r.env });
      expect(render.code).toBe(0);
    }
    const [a, b] = await Promise.all(runs.map((r) => hashes(join(dir, r.name))));
    expect(Object.keys(a!).length).toBeGreaterThan(10);
    expect(a).toEqual(b);
  }, 60_000);
});
