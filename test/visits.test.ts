// The two reference bulletins, encoded as visit files, must validate with no
// problem at all and hold their facts as typed data (not only as prose).
import { describe, expect, it } from 'vitest';
import type { Site, Visit } from '../src/schema/types.js';
import { validateFile } from '../src/validate/index.js';

async function load(name: string): Promise<Visit> {
  const file = await validateFile(`visits/${name}`);
  expect(file.diagnostics).toEqual([]);
  return file.data as Visit;
}

const site = (visit: Visit, id: string): Site => {
  const found = visit.sites.find((s) => s.id === id);
  if (!found) throw new Error(`no site ${id}`);
  return found;
};

describe('FO Justice CPIP, SPIP 62, January 2024', async () => {
  const visit = await load('2024-01-24-spip62-fo-justice-cpip.yaml');
  const longuenesse = site(visit, 'longuenesse');
  const bethune = site(visit, 'bethune');

  it('holds the report and the visit', () => {
    expect(visit.report.kind).toBe('compte-rendu');
    expect(visit.report.unions).toEqual(['fo-justice-cpip']);
    expect(visit.report.published.date).toBe('2024-02-23');
    expect(visit.visit.dates).toEqual(['2024-01-24', '2024-01-25']);
    expect(visit.visit.met?.[0]?.roles).toEqual(['cpip', 'pa', 'ase']);
    expect(visit.visit.scope).toHaveLength(1);
    expect(visit.visit.followUp).toHaveLength(1);
    expect(visit.report.thanks).toHaveLength(2);
  });

  it('holds the CAP figures of Longuenesse as numbers, with the CPP article', () => {
    const cap = longuenesse.difficulties?.find((d) => d.cap)?.cap;
    expect(cap).toMatchObject({ sessionsPerMonth: 3, listReceivedDaysBefore: 10, reportsDueDaysBefore: 8 });
    const legal = longuenesse.difficulties?.flatMap((d) => d.legal ?? []);
    expect(legal?.[0]).toMatchObject({ kind: 'code', code: 'CPP', article: 'D147-21' });
  });

  it('holds the premises of Longuenesse: floors, offices, no lift, the 2005 law, the relocation', () => {
    const [detention, sas] = longuenesse.premises?.areas ?? [];
    expect(detention?.floor).toBe(2);
    expect(detention?.offices?.map((o) => o.capacity).filter(Boolean)).toEqual([4, 6]);
    expect(detention?.accessibility).toMatchObject({ lift: false, accessible: false });
    expect(detention?.accessibility?.legal?.[0]).toMatchObject({ kind: 'loi', date: '2005-02-11', number: '2005-102' });
    expect(sas).toMatchObject({ floor: 1, offices: [{ count: 3 }] });
    const move = longuenesse.premises?.relocations?.[0];
    expect(move?.staffConsulted).toBe('non');
    expect(move?.constraints).toHaveLength(5);
    expect(move?.mergesWith).toContain('alip-saint-omer');
  });

  it('holds the staffing of Longuenesse with its "of which" details', () => {
    const staff = longuenesse.staffing ?? [];
    const cpip = staff.filter((s) => s.role === 'cpip');
    expect(cpip.map((s) => [s.unit, s.count])).toEqual([['grand-quartier', 13], ['sas', 3]]);
    expect(cpip[0]?.of?.[0]).toMatchObject({ status: 'contractuel', count: 1 });
    expect(staff.find((s) => s.role === 'dfspip-adjoint')?.of?.[0]).toMatchObject({ status: 'faisant-fonction', actingAs: 'dpip' });
    expect(staff.find((s) => s.role === 'pa')).toMatchObject({ count: 2, of: [{ status: 'depart', replaced: false }] });
    expect(staff.filter((s) => s.role === 'ass').every((s) => s.of?.[0]?.replaced === false)).toBe(true);
    expect(staff.filter((s) => s.role === 'service-civique').reduce((n, s) => n + s.count, 0)).toBe(3);
    expect(longuenesse.caseload?.[0]).toMatchObject({ role: 'cpip', unit: 'ppsmj', perFte: 60, assessment: 'satisfaisant' });
    expect(longuenesse.gaps?.map((g) => [g.role, g.count])).toEqual([['dpip', 1], ['pa', 1], ['ass', 2]]);
  });

  it('holds Béthune: security, works, offices, relocation, staffing and caseload', () => {
    expect(bethune.premises).toMatchObject({
      parking: { sufficient: false }, reception: { airlock: false }, alarms: { procedureKnown: false }, telework: { effect: 'ameliore' },
    });
    const offices = bethune.premises?.areas?.[0]?.offices ?? [];
    expect(offices.filter((o) => o.kind === 'open-space').map((o) => [o.count ?? 1, o.capacity, o.occupancy])).toEqual([[2, 9, 9], [1, 9, 5]]);
    expect(offices.find((o) => o.kind === 'secretariat')).toMatchObject({ occupants: ['ase', 'pa'], wifiWorkstations: 1 });
    expect(bethune.premises?.relocations?.[0]).toMatchObject({ presentedOn: '2023-10-13', presentedAt: 'CSA SPIP local', near: 'ma-bethune' });
    const cpip = bethune.staffing?.find((s) => s.role === 'cpip');
    expect(cpip?.count).toBe(29);
    expect(cpip?.of?.map((o) => o.status)).toEqual(['detache', 'conge-long']);
    expect(bethune.staffing?.find((s) => s.role === 'ase')?.count).toBe(2);
    expect(bethune.caseload).toMatchObject([
      { role: 'cpip', perFte: { min: 85, max: 90 }, approximate: true },
      { role: 'ase', unit: 'pse', total: 150, approximate: true },
    ]);
    expect(bethune.difficulties?.find((d) => d.topic === 'rps')?.text).toMatch(/septembre 2023/);
  });
});

describe('CGT IP, InSERRE Arras, February 2026', async () => {
  const visit = await load('2026-02-05-spip62-cgt-ip.yaml');
  const inserre = site(visit, 'inserre-arras');

  it('holds the communiqué: place and date, background link, questions, demands, commitment', () => {
    expect(visit.report).toMatchObject({ kind: 'communique', unions: ['cgt-ip'], published: { date: '2026-03-06', place: 'Montreuil' } });
    expect(visit.report.background?.[0]?.links?.[0]?.url).toMatch(/^https:\/\/www\.cgtspip\.org\//);
    expect(visit.report.arguments?.flatMap((a) => a.questions ?? []).length).toBeGreaterThanOrEqual(5);
    expect(visit.report.demands).toHaveLength(3);
    expect(visit.report.commitment).toMatch(/mobilisée et vigilante/);
  });

  it('holds who was absent and who came only at the end', () => {
    expect(visit.visit.authorities?.map((a) => [a.role, a.presence])).toEqual([
      ['direction-disp', 'absent'], ['atigip', 'absent'], ['dfspip', 'fin'],
    ]);
  });

  it('holds the establishment: capacity, milestones, offices and the CPIP posts expected', () => {
    expect(inserre.capacity).toBe(180);
    expect(inserre.milestones?.map((m) => m.date)).toEqual(['2026-09', '2026-11']);
    const offices = inserre.premises?.areas?.[0]?.offices ?? [];
    expect(offices.map((o) => [o.kind, o.count ?? 1, o.capacity])).toEqual([['direction', 1, 1], ['partage', 2, 3]]);
    expect(inserre.staffing?.find((s) => s.role === 'cpip')?.planned?.count).toBe(6);
    expect(inserre.gaps?.map((g) => g.role)).toEqual(['dpip', 'pa']);
  });
});
