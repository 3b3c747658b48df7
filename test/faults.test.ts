// Faults: a full or unwritable output folder, a failing write, Ctrl-C in the
// middle of a build. Nothing half-written is ever left behind.
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateVisits } from '../scripts/generate-visits.js';
import { BIN, ROOT, runCli, STACK_TRACE, tempDir } from './helpers.js';

const FO = join(ROOT, 'visits/2024-01-24-spip62-fo-justice-cpip.yaml');

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir('visite-faults-')));
afterAll(async () => cleanup());

/** Every file under a folder. */
async function files(d: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(d, { withFileTypes: true, recursive: true })) if (e.isFile()) out.push(join(e.parentPath ?? e.path, e.name));
  return out;
}

/** A 64 kB tmpfs when this process may mount one (root on Linux); undefined otherwise. */
function smallDisk(path: string): (() => void) | undefined {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', path], { stdio: 'ignore' });
    return () => execFileSync('umount', [path], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
}

describe('a full output folder', () => {
  it('gives output-failed, exit 1, and leaves no partial or temporary file', async () => {
    const out = join(dir, 'full');
    await mkdir(out);
    const unmount = smallDisk(out);
    if (!unmount) {
      console.warn('faults: cannot mount a small tmpfs here (not root?): the injected-error test below covers this case');
      return;
    }
    try {
      const run = await runCli(['render', FO, '--out', out]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('[output-failed]');
      expect(run.stdout).toContain('ENOSPC');
      expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
      const left = await files(out);
      expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
      // What was written is whole: the Markdown fits, the PDF does not.
      for (const f of left) if (f.endsWith('.pdf')) expect((await readFile(f)).subarray(-6).toString()).toContain('%%EOF');
    } finally {
      unmount();
    }
  });
});

describe('a write that fails half-way (injected)', () => {
  it('removes the temporary file and leaves the old target untouched', async () => {
    vi.resetModules();
    vi.doMock('node:fs', async (original) => {
      const real = await original<typeof import('node:fs')>();
      return {
        ...real,
        writeFileSync: (path: string, data: string) => {
          real.writeFileSync(path, String(data).slice(0, 10));
          throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        },
      };
    });
    const { writeAtomic } = await import('../src/export/write.js');
    const target = join(dir, 'injected', 'bulletin.md');
    await mkdir(join(dir, 'injected'));
    await writeFile(target, 'ancien bulletin\n');
    await expect(writeAtomic(target, 'nouveau bulletin, bien plus long\n')).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readdir(join(dir, 'injected'))).toEqual(['bulletin.md']);
    expect(await readFile(target, 'utf8')).toBe('ancien bulletin\n');
    vi.doUnmock('node:fs');
  });
});

describe('Ctrl-C during a build', () => {
  it('stops with exit 130 and leaves only whole files', async () => {
    const visits = join(dir, 'many');
    generateVisits(80, visits, 3);
    const out = join(dir, 'interrupted');
    const child = spawn(process.execPath, [BIN, 'build', visits, '--out', out], { cwd: ROOT, env: { ...process.env, LANG: 'C', NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
    // Interrupt once files are being written (a fixed delay is too short on a loaded machine).
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (await files(out).catch(() => [] as string[])).length === 0) {
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).toBe(130);
    expect(stderr).not.toMatch(STACK_TRACE);
    const left = await files(out).catch(() => [] as string[]);
    expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const f of left) {
      const bytes = await readFile(f);
      if (f.endsWith('.pdf')) expect(bytes.subarray(-6).toString()).toContain('%%EOF');
      if (f.endsWith('.html')) expect(bytes.toString().trimEnd().endsWith('</html>')).toBe(true);
    }
  }, 60_000);
});
