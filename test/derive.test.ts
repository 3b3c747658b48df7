// Indicators on the reference numbers, worked out by hand in the bulletins.
import { describe, expect, it } from 'vitest';
import { deriveSite, DEFAULT_RATIOS, type Ratio } from '../src/derive/index.js';
import type { Site, Visit } from '../src/schema/types.js';
import { validateFile } from '../src/validate/index.js';

async function site(file: string, id: string): Promise<Site> {
  const loaded = await validateFile(`visits/${file}`);
  const found = (loaded.data as Visit).sites.find((s) => s.id === id);
  if (!found) throw new Error(id);
  return found;
}

const FO = '2024-01-24-spip62-fo-justice-cpip.yaml';
const CGT = '2026-02-05-spip62-cgt-ip.yaml';

describe('derive on the reference visits', () => {
  it('Béthune: 2 ASE for about 150 bracelets is 75 per ASE, and at least 1 ASE is missing', async () => {
    const ind = deriveSite(await site(FO, 'bethune'));
    const ase = ind.caseload.find((c) => c.role === 'ase');
    expect(ase).toMatchObject({ agents: 2, perFte: { min: 75, max: 75 }, needed: { min: 3, max: 3 }, missing: { min: 1, max: 1 } });
    expect(ind.gaps.find((g) => g.role === 'ase')).toMatchObject({ stated: 1, atLeast: true, agree: true });
  });

  it('Béthune: 29 CPIP, 1 seconded and 1 on long leave leave 27 present; 85 to 90 per FTE is 12 to 14 posts short of 60', async () => {
    const ind = deriveSite(await site(FO, 'bethune'));
    expect(ind.staff.find((s) => s.role === 'cpip')).toMatchObject({ headcount: 29, seconded: 1, longLeave: 1, present: 27 });
    const cpip = ind.caseload.find((c) => c.role === 'cpip');
    expect(cpip).toMatchObject({ agents: 27, perFte: { min: 85, max: 90 }, total: { min: 2295, max: 2430 } });
    expect(cpip?.missing).toEqual({ min: 12, max: 14 });
  });

  it('InSERRE: 2 offices of 3 places are 6 desks for the 6 CPIP expected, none left for anyone else', async () => {
    const ind = deriveSite(await site(CGT, 'inserre-arras'));
    expect(ind.desks).toEqual({ total: 6, complete: true, needed: 6, left: 0 });
  });

  it('Longuenesse LSC: list received 10 days before, reports due 8 days before, 2 days to prepare', async () => {
    const ind = deriveSite(await site(FO, 'longuenesse'));
    expect(ind.capWindows).toEqual([{ kind: 'CAP LSC', sessionsPerMonth: 3, listReceivedDaysBefore: 10, reportsDueDaysBefore: 8, days: 2 }]);
  });

  it('Longuenesse: 60 PPSMJ per CPIP meets the reference; departures not replaced are counted', async () => {
    const ind = deriveSite(await site(FO, 'longuenesse'));
    expect(ind.caseload[0]?.missing).toEqual({ min: 0, max: 0 });
    expect(ind.staff.find((s) => s.role === 'ass')).toMatchObject({ headcount: 2, leavingNotReplaced: 2 });
    expect(ind.staff.find((s) => s.role === 'cpip')).toMatchObject({ headcount: 16, contract: 1 });
    expect(ind.staff.find((s) => s.role === 'dfspip-adjoint')?.actingAs).toEqual(['dpip']);
  });

  it('uses a configured ratio before the default', async () => {
    const strict: Ratio[] = [{ role: 'ase', unit: 'pse', perFte: 30, source: 'test' }, ...DEFAULT_RATIOS];
    const ind = deriveSite(await site(FO, 'bethune'), strict);
    expect(ind.caseload.find((c) => c.role === 'ase')?.missing).toEqual({ min: 3, max: 3 });
    // The union said "at least 1": 3 computed still agrees with "at least".
    expect(ind.gaps.find((g) => g.role === 'ase')?.agree).toBe(true);
  });

  it('flags a stated gap that the numbers contradict', () => {
    const s: Site = {
      id: 'x', service: 's', kind: 'antenne-mo', name: 'X',
      staffing: [{ role: 'cpip', count: 10 }],
      caseload: [{ role: 'cpip', unit: 'ppsmj', perFte: 66 }],
      gaps: [{ role: 'cpip', count: 5 }],
    };
    const ind = deriveSite(s);
    expect(ind.caseload[0]?.missing).toEqual({ min: 1, max: 1 });
    expect(ind.gaps[0]).toMatchObject({ stated: 5, agree: false });
  });

  it('never divides by zero when no agent is present', () => {
    const s: Site = {
      id: 'x', service: 's', kind: 'inserre', name: 'X',
      staffing: [{ role: 'ase', count: 1, of: [{ status: 'conge-long', count: 1 }] }],
      caseload: [{ role: 'ase', unit: 'pse', total: 40 }],
    };
    const c = deriveSite(s).caseload[0];
    expect(c).toMatchObject({ agents: 0, needed: { min: 0.8, max: 0.8 }, missing: { min: 1, max: 1 } });
    expect(c?.perFte).toBeUndefined();
  });
});
