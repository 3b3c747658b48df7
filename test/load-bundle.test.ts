// The command line's loader (bin/load-bundle.cjs, run by bin/visite.js): the
// code cache the build made is one this Node accepts, and a missing or foreign
// cache, or a missing bundle, costs time or gives a clear message, never a crash.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'visite-load-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `node ...args` afresh, as bin/visite.js is run: no inherited options. */
function node(args: string[], cwd = ROOT, lang = 'C'): { code: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: lang };
  delete env.NODE_OPTIONS;
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  const r = spawnSync(process.execPath, args, { cwd, env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const load = (options: string): string => `
  const { loadBundle } = require('./bin/load-bundle.cjs');
  const { exports, cacheUsed } = loadBundle(${options});
  exports.main(['--version'], { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), isTTY: false, env: process.env })
    .then((code) => process.stdout.write(' cache ' + cacheUsed + ' exit ' + code));`;

describe('the bundle loader', () => {
  it('uses the code cache that the build made', () => {
    expect(node(['-e', load('')]).stdout).toMatch(/^\d+\.\d+\.\d+\n cache true exit 0$/);
  });

  it('runs the bundle without a cache, or with one V8 rejects', () => {
    expect(node(['-e', load(`{ cache: ${JSON.stringify(join(work, 'none'))} }`)]).stdout).toMatch(/ cache false exit 0$/);
    const foreign = join(work, 'foreign.cache');
    writeFileSync(foreign, Buffer.alloc(4096, 7));
    expect(node(['-e', load(`{ cache: ${JSON.stringify(foreign)} }`)]).stdout).toMatch(/ cache false exit 0$/);
    expect(node(['-e', load('{ cache: false }')]).stdout).toMatch(/ cache false exit 0$/);
  });

  it('uses a cache only with the build of the bundle it was made for', () => {
    // V8 would take it (it checks only the source's length) and run the code it holds, not the bundle's.
    const real = readFileSync(join(ROOT, 'lib', 'bundle', 'visite.cjs.cache'));
    const other = join(work, 'other-build.cache');
    writeFileSync(other, Buffer.concat([Buffer.from(`${'0'.repeat(64)}\n`), real.subarray(65)]));
    expect(node(['-e', load(`{ cache: ${JSON.stringify(other)} }`)]).stdout).toMatch(/ cache false exit 0$/);
  });

  it('says the tool is not built when the bundle is missing, in French on a French locale', () => {
    const bin = join(work, 'bin');
    mkdirSync(bin, { recursive: true });
    for (const f of ['visite.js', 'load-bundle.cjs', 'package.json']) copyFileSync(join(ROOT, 'bin', f), join(bin, f));
    const en = node([join(bin, 'visite.js'), 'validate', 'x.yaml'], work);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe('visite: visite is not built: run "npm ci" (or "npm run build").\n');
    const fr = node([join(bin, 'visite.js'), '--version'], work, 'fr_FR.UTF-8');
    expect(fr.code).toBe(2);
    expect(fr.stderr).toBe('visite: visite n’est pas construit : lancez « npm ci » (ou « npm run build »).\n');
  });
});
