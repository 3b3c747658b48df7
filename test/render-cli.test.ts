// `visite render` through the real CLI: files written, exit codes, invalid
// visits reported and skipped, configuration, nothing partial left behind.
import { createHash } from 'node:crypto';
import { chmod, copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, STACK_TRACE, tempDir } from './helpers.js';

const FO = join(ROOT, 'visits/2024-01-24-spip62-fo-justice-cpip.yaml');
const CGT = join(ROOT, 'visits/2026-02-05-spip62-cgt-ip.yaml');

describe('visite render', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ dir, cleanup } = await tempDir('visite-render-')));
  afterAll(async () => cleanup());

  it('writes md, html and pdf per visit (the md identical to the golden file) and exits 0', async () => {
    const out = join(dir, 'a');
    const run = await runCli(['render', FO, CGT, '--out', out]);
    expect(run.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      '2024-01-24-spip62-fo-justice-cpip.html', '2024-01-24-spip62-fo-justice-cpip.md', '2024-01-24-spip62-fo-justice-cpip.pdf',
      '2026-02-05-spip62-cgt-ip.html', '2026-02-05-spip62-cgt-ip.md', '2026-02-05-spip62-cgt-ip.pdf',
    ]);
    expect((await readFile(join(out, '2026-02-05-spip62-cgt-ip.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await readFile(join(out, '2024-01-24-spip62-fo-justice-cpip.md'), 'utf8'))
      .toBe(await readFile(join(ROOT, 'test/golden/fo-visit.fo-justice-cpip.md'), 'utf8'));
  });

  it('gives the same bytes with PDF workers (--jobs 2), without (--jobs 0), and for one visit alone; refuses a bad --jobs', async () => {
    const hash = async (folder: string) => Object.fromEntries(await Promise.all((await readdir(folder)).sort().map(async (f) => [f, createHash('sha256').update(await readFile(join(folder, f))).digest('hex')])));
    const [two, none, alone] = [join(dir, 'jobs2'), join(dir, 'jobs0'), join(dir, 'alone')];
    expect((await runCli(['render', FO, CGT, '--out', two, '--jobs', '2'])).code).toBe(0);
    expect((await runCli(['render', FO, CGT, '--out', none, '--jobs', '0'])).code).toBe(0);
    expect((await runCli(['render', CGT, '--out', alone, '--to', 'pdf'])).code).toBe(0);
    const worked = await hash(two);
    expect(Object.keys(worked)).toHaveLength(6);
    expect(await hash(none)).toEqual(worked);
    expect((await hash(alone))['2026-02-05-spip62-cgt-ip.pdf']).toBe(worked['2026-02-05-spip62-cgt-ip.pdf']);
    const bad = await runCli(['render', FO, '--jobs', 'beaucoup'], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('refusée pour --jobs');
    expect(bad.stderr).not.toMatch(STACK_TRACE);
  });

  it('--style renders a visit in another union’s style', async () => {
    const out = join(dir, 'b');
    const run = await runCli(['render', CGT, '--out', out, '--style', 'fo-justice-cpip', '--to', 'md']);
    expect(run.code).toBe(0);
    expect(await readFile(join(out, '2026-02-05-spip62-cgt-ip.md'), 'utf8'))
      .toBe(await readFile(join(ROOT, 'test/golden/cgt-visit.fo-justice-cpip.md'), 'utf8'));
  });

  it('reports an invalid visit with its code, still renders the others, and exits 1', async () => {
    const out = join(dir, 'c');
    const bad = join(dir, 'bad.yaml');
    await writeFile(bad, (await readFile(FO, 'utf8')).replace('kind: compte-rendu', 'kind: compte-rendus'));
    const run = await runCli(['render', FO, bad, '--out', out, '--to', 'md']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[schema-enum]');
    expect(await readdir(out)).toEqual(['2024-01-24-spip62-fo-justice-cpip.md']);
  });

  it('refuses an unknown style with a suggestion (exit 1), and a bad --to (exit 2)', async () => {
    const run = await runCli(['render', FO, '--out', join(dir, 'd'), '--style', 'cgt-iq']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[style-unknown]');
    expect(run.stdout).toContain('cgt-ip');
    expect((await runCli(['render', FO, '--to', 'docx'])).code).toBe(2);
  });

  it('uses visite.config.yaml: its own styles folder, default style, output folder and ratios', async () => {
    const repo = join(dir, 'repo');
    await mkdir(join(repo, 'visits'), { recursive: true });
    await copyFile(FO, join(repo, 'visits/v.yaml'));
    await writeFile(join(repo, 'visite.config.yaml'), [
      `templates: ${join(ROOT, 'examples/styles')}`,
      'out: publie',
      'ratios:',
      '  - role: ase',
      '    unit: pse',
      '    perFte: 30',
      '    source: accord local',
      '',
    ].join('\n'));
    const run = await runCli(['render', '--style', 'section-locale', '--to', 'md,html'], { cwd: repo });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const text = await readFile(join(repo, 'publie/v.md'), 'utf8');
    expect(text).toContain('## ALIP MO de Béthune');
    expect(text).toMatch(/il manque 3\sASE/);
  });

  it('reports a broken configuration with its place, without a stack trace', async () => {
    const repo = join(dir, 'repo2');
    await mkdir(repo, { recursive: true });
    await writeFile(join(repo, 'visite.config.yaml'), 'ratio:\n  - role: ase\n');
    const run = await runCli(['render', FO], { cwd: repo });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/visite\.config\.yaml:1:1 .*\[schema-unknown-key\]/);
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
  });

  it('leaves no partial file when the output folder cannot be written', async () => {
    if (process.getuid?.() === 0) {
      // root ignores permissions: make the target a file instead, so the folder cannot be created.
      await writeFile(join(dir, 'blocked'), 'x');
      const run = await runCli(['render', FO, '--out', join(dir, 'blocked', 'sub')]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('[output-failed]');
      return;
    }
    const out = join(dir, 'ro');
    await mkdir(out);
    await chmod(out, 0o500);
    const run = await runCli(['render', FO, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[output-failed]');
    expect(await readdir(out)).toEqual([]);
  });
});
