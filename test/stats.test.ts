// visite stats: a row per site visit, and a site's evolution across visits.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('visite-stats-'));
  await mkdir(join(dir, 'visits'));
  const fo = await readFile(join(ROOT, 'visits/2024-01-24-spip62-fo-justice-cpip.yaml'), 'utf8');
  await writeFile(join(dir, 'visits/2024-01-24-spip62-fo-justice-cpip.yaml'), fo);
  // The same antenna, two years later: more CPIP, a lighter caseload.
  const later = fo
    .replace(/2024-01-24/g, '2026-01-20').replace(/2024-01-25/g, '2026-01-21').replace('date: 2024-02-23', 'date: 2026-02-10')
    .replace('count: 29', 'count: 35').replace('perFte: {min: 85, max: 90}', 'perFte: 70');
  await writeFile(join(dir, 'visits/2026-01-20-spip62-fo-justice-cpip.yaml'), later);
});
afterAll(async () => cleanup());

describe('visite stats', () => {
  it('gives one JSON row per site visit with the derived figures', async () => {
    const run = await runCli(['stats', '--format', 'json', join(ROOT, 'visits')]);
    expect(run.code).toBe(0);
    const { rows } = JSON.parse(run.stdout);
    const bethune = rows.find((r: { siteId: string }) => r.siteId === 'bethune');
    expect(bethune).toMatchObject({ visited: '2024-01-25', headcount: 38, present: 36, cpipPerFte: { min: 85, max: 90 }, cpipReference: 60, cpipMissing: { min: 12, max: 14 }, aseMissing: { min: 1, max: 1 } });
    expect(rows.find((r: { siteId: string }) => r.siteId === 'inserre-arras')).toMatchObject({ desks: 6, deskNeeds: 6 });
  });

  it('follows a site across visits', async () => {
    const json = JSON.parse((await runCli(['stats', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.evolution).toEqual([
      { site: 'spip62/bethune', visits: ['2024-01-25', '2026-01-21'] },
      { site: 'spip62/longuenesse', visits: ['2024-01-24', '2026-01-20'] },
    ]);
    const table = (await runCli(['stats', '--lang', 'fr'], { cwd: dir })).stdout;
    expect(table).toContain('Évolution — SPIP 62 – ALIP MO de Béthune');
    expect(table).toMatch(/2026-01-21 {2}effectif 44, présents 42, PPSMJ\/CPIP 70/);
  });

  it('writes RFC 4180 CSV with a header', async () => {
    const csv = (await runCli(['stats', '--format', 'csv'], { cwd: dir })).stdout;
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('visited,unions,service,site,headcount,present,cpip_per_fte,cpip_reference,cpip_missing,ase_per_fte,ase_missing,desks,file');
    expect(lines).toHaveLength(6);
  });

  it('reports an invalid visit on stderr, keeps stdout clean, exits 1', async () => {
    await writeFile(join(dir, 'visits/bad.yaml'), 'version: 2\n');
    const run = await runCli(['stats', '--format', 'csv'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[schema-const]');
    expect(run.stdout.split('\r\n')[0]).toMatch(/^visited,/);
  });
});
