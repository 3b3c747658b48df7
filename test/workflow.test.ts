// The daily commands: new, fmt, validate --changed, through the real CLI.
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, STACK_TRACE, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir('visite-workflow-')));
afterAll(async () => cleanup());

describe('visite new', () => {
  it('writes a valid, canonical skeleton named date-service-union, with the schema line', async () => {
    const cwd = join(dir, 'new');
    await mkdir(cwd);
    const run = await runCli(['new', '--union', 'cgt-ip', '--service', 'spip59', '--service-name', 'SPIP du Nord', '--departement', '59',
      '--site', 'ALIP de Lille', '--site', 'CP d’Annœullin', '--date', '2025-03-05', '--date', '2025-03-04'], { cwd });
    expect(run.code).toBe(0);
    const path = join(cwd, 'visits/2025-03-04-spip59-cgt-ip.yaml');
    const text = await readFile(path, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*schemas\/visit\.schema\.json$/);
    expect(text).toContain('id: alip-de-lille');
    expect(text).toContain('id: cp-d-annoeullin');
    expect(text).toContain('kind: communique');
    expect((await runCli(['validate'], { cwd })).code).toBe(0);
    expect((await runCli(['fmt', '--check'], { cwd })).code).toBe(0);
  });

  it('refuses to overwrite an existing file (exit 2, file untouched)', async () => {
    const cwd = join(dir, 'new');
    const path = join(cwd, 'visits/2025-03-04-spip59-cgt-ip.yaml');
    await writeFile(path, 'déjà là\n');
    const run = await runCli(['new', '--union', 'cgt-ip', '--service', 'spip59', '--site', 'X', '--date', '2025-03-04'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('already exists');
    expect(await readFile(path, 'utf8')).toBe('déjà là\n');
  });

  it('says what is missing or wrong without a terminal, in French under a French locale', async () => {
    const cwd = join(dir, 'new');
    const missing = await runCli(['new', '--service', 'spip59', '--site', 'X'], { cwd, env: { LANG: 'fr_FR.UTF-8' } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Il manque --union');
    const badDate = await runCli(['new', '--union', 'fo', '--service', 'spip59', '--site', 'X', '--date', '2025-02-30'], { cwd });
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('2025-02-30');
    expect(badDate.stderr + missing.stderr).not.toMatch(STACK_TRACE);
  });
});

describe('visite fmt', () => {
  const messy = [
    '# yaml-language-server: $schema=../schemas/visit.schema.json',
    '# un commentaire en tête',
    'sites:',
    '  - name: "ALIP d\'Arras"   # le nom affiché',
    '    kind: antenne-mo',
    "    service: 'spip62'",
    '    id: alip-arras',
    'version: 1',
    'services: [{id: spip62, name: "SPIP du Pas-de-Calais"}]',
    'visit:',
    '  dates: ["2024-01-24"]',
    'report:',
    '  # la date de publication',
    '  published: {date: 2024-02-01}',
    '  title: Visite',
    '  unions: [fo-justice-cpip]',
    '  kind: compte-rendu',
    '',
  ].join('\n');

  it('--check lists the file and exits 1 without changing it', async () => {
    const cwd = join(dir, 'fmt');
    await mkdir(join(cwd, 'visits'), { recursive: true });
    await writeFile(join(cwd, 'visits/v.yaml'), messy);
    const run = await runCli(['fmt', '--check'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('visits/v.yaml');
    expect(await readFile(join(cwd, 'visits/v.yaml'), 'utf8')).toBe(messy);
  });

  it('puts keys in the schema’s order, keeps every comment, and changes no value', async () => {
    const cwd = join(dir, 'fmt');
    expect((await runCli(['fmt'], { cwd })).code).toBe(0);
    const text = await readFile(join(cwd, 'visits/v.yaml'), 'utf8');
    const keys = text.split('\n').filter((l) => /^[a-z]+:/.test(l)).map((l) => l.split(':')[0]);
    expect(keys).toEqual(['version', 'report', 'visit', 'services', 'sites']);
    for (const comment of ['# un commentaire en tête', '# le nom affiché', '# la date de publication']) expect(text).toContain(comment);
    expect(text).toMatch(/- id: alip-arras\n\s+service: spip62\n\s+kind: antenne-mo\n\s+name: ALIP d'Arras/);
    expect((await runCli(['validate'], { cwd })).code).toBe(0);
  });

  it('formatting twice equals formatting once; --check then passes', async () => {
    const cwd = join(dir, 'fmt');
    const once = await readFile(join(cwd, 'visits/v.yaml'), 'utf8');
    await runCli(['fmt'], { cwd });
    expect(await readFile(join(cwd, 'visits/v.yaml'), 'utf8')).toBe(once);
    expect((await runCli(['fmt', '--check'], { cwd })).code).toBe(0);
  });

  it('leaves a file with broken YAML untouched and reports it (exit 1)', async () => {
    const cwd = join(dir, 'fmt-broken');
    await mkdir(join(cwd, 'visits'), { recursive: true });
    await writeFile(join(cwd, 'visits/b.yaml'), 'a: 1\na: 2\n');
    const run = await runCli(['fmt'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[yaml-duplicate-key]');
    expect(await readFile(join(cwd, 'visits/b.yaml'), 'utf8')).toBe('a: 1\na: 2\n');
  });

  it('keeps the example visits as they are (they are already canonical)', async () => {
    expect((await runCli(['fmt', '--check', 'visits'])).code).toBe(0);
  });
});

describe('visite validate --changed', () => {
  it('checks only the visit files changed since a ref, staged, unstaged or new', async () => {
    const repo = join(dir, 'repo');
    await mkdir(join(repo, 'visits'), { recursive: true });
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
    git('init', '-q');
    git('config', 'user.email', 'test@example.org');
    git('config', 'user.name', 'Test');
    const fo = join(ROOT, 'visits/2024-01-24-spip62-fo-justice-cpip.yaml');
    await copyFile(fo, join(repo, 'visits/a.yaml'));
    await copyFile(fo, join(repo, 'visits/b.yaml'));
    git('add', '.');
    git('commit', '-qm', 'first');
    const first = git('rev-parse', 'HEAD').trim();

    const none = await runCli(['validate', '--changed'], { cwd: repo });
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('No visit changed since HEAD');

    await writeFile(join(repo, 'visits/b.yaml'), (await readFile(fo, 'utf8')).replace('kind: compte-rendu', 'kind: compte-rendus'));
    await writeFile(join(repo, 'visits/c.yaml'), await readFile(fo, 'utf8'));
    const changed = await runCli(['validate', '--changed', '--format', 'json'], { cwd: repo });
    expect(changed.code).toBe(1);
    expect(JSON.parse(changed.stdout).files.map((f: { file: string }) => f.file)).toEqual(['visits/b.yaml', 'visits/c.yaml']);

    git('add', '.');
    git('commit', '-qm', 'second');
    const sinceFirst = await runCli(['validate', '--changed', first, '--format', 'json'], { cwd: repo });
    expect(JSON.parse(sinceFirst.stdout).files.map((f: { file: string }) => f.file)).toEqual(['visits/b.yaml', 'visits/c.yaml']);
    const sinceHead = await runCli(['validate', '--changed=HEAD'], { cwd: repo });
    expect(sinceHead.code).toBe(0);
  });

  it('is a usage error outside a Git repository', async () => {
    const cwd = join(dir, 'nogit');
    await mkdir(join(cwd, 'visits'), { recursive: true });
    await copyFile(join(ROOT, 'visits/2024-01-24-spip62-fo-justice-cpip.yaml'), join(cwd, 'visits/a.yaml'));
    const run = await runCli(['validate', '--changed'], { cwd, env: { GIT_CEILING_DIRECTORIES: dir } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Git');
  });
});
