// PDF workers: a batch compiles in worker threads, and a PDF made there is
// byte for byte the one the main thread makes (same fonts: the system's stay
// hidden in every thread). A job whose template fails says where, and the
// workers go on with the next ones.
import { describe, expect, it } from 'vitest';
import { compilePdf } from '../src/export/pdf-compile.js';
import { TypstError } from '../src/export/pdf-error.js';
import { PdfPool } from '../src/export/pdf-pool.js';
import { pdfJob } from '../src/export/pdf.js';
import { renderVisit } from '../src/render/index.js';
import { validateFile } from '../src/validate/index.js';

const VISITS = ['visits/2024-01-24-spip62-fo-justice-cpip.yaml', 'visits/2026-02-05-spip62-cgt-ip.yaml'];

async function jobs() {
  return Promise.all(VISITS.map(async (path) => {
    const { result } = await renderVisit(await validateFile(path));
    return pdfJob(result!);
  }));
}

describe('PDF workers', () => {
  it('give the same bytes as the main thread, for concurrent jobs, each to its own caller', async () => {
    const [a, b] = await jobs();
    const expected = [await compilePdf(a!), await compilePdf(b!)];
    const pool = new PdfPool(2);
    try {
      const got = await Promise.all([a, b, a, b, a, b].map((job) => pool.compile(job!)));
      got.forEach((pdf, i) => {
        expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
        expect(Buffer.from(pdf).equals(Buffer.from(expected[i % 2]!)), `job ${i}`).toBe(true);
      });
    } finally {
      await pool.close();
    }
  });

  it('report a broken template as a TypstError with its line, then go on', async () => {
    const [a] = await jobs();
    const pool = new PdfPool(1);
    try {
      const broken = { ...a!, template: `${a!.template}\n#let x = (\n` };
      const error = await pool.compile(broken).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypstError);
      expect((error as TypstError).line).toBeGreaterThan(a!.template.split('\n').length - 1);
      const pdf = await pool.compile(a!);
      expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    } finally {
      await pool.close();
    }
    await expect(pool.compile(a!)).rejects.toThrow(/closed/);
  });

  it('fail every job, without hanging, when a worker cannot start', async () => {
    const [a] = await jobs();
    const pool = new PdfPool(2, new URL('./no-such-worker.js', import.meta.url));
    try {
      const results = await Promise.allSettled([pool.compile(a!), pool.compile(a!), pool.compile(a!)]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
      await expect(pool.compile(a!)).rejects.toThrow();
    } finally {
      await pool.close();
    }
  });

  it('fail the job running and those queued when closed, instead of leaving them pending', async () => {
    const [a] = await jobs();
    const pool = new PdfPool(1);
    const running = pool.compile(a!);
    const queued = pool.compile(a!);
    const settled = Promise.allSettled([running, queued]);
    await new Promise((r) => setTimeout(r, 50));
    await pool.close();
    const results = await settled;
    for (const r of results) {
      // The first may have finished before the close; none is left pending.
      if (r.status === 'rejected') expect(String(r.reason)).toMatch(/closed/);
    }
    expect(results[1]!.status).toBe('rejected');
  });
});

