/**
 * The command line as a user and a CI job see it: `node bin/visite.js`
 * spawned (so stdout is not a TTY), LANG=C and NO_COLOR=1 unless a test says
 * otherwise. Runs are started together in `beforeAll`, one per assertion group.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ESCAPE, ROOT, runCli, STACK_TRACE, tempDir, type Run } from './helpers.js';

const fixture = (name: string): string => `test/fixtures/${name}/input.yaml`;
const VALID = fixture('valid-minimal');
const INVALID = fixture('schema-unknown-key'); // one error at 18:5
const WARNING_ONLY = fixture('date-outside-visit'); // one warning at 18:17
const THREE = fixture('three-mistakes'); // errors at 1:10, 7:11, 18:5

interface JsonReport {
  files: {
    file: string;
    valid: boolean;
    diagnostics: { code: string; severity: string; line: number | null; column: number | null; message: string }[];
  }[];
  summary: { files: number; invalid: number; errors: number; warnings: number };
}

/** Named runs: arguments after `node bin/visite.js`, and environment overrides. */
const plan: Record<string, { args: string[]; env?: Record<string, string | undefined>; cwd?: 'tmp' }> = {
  valid: { args: ['validate', VALID] },
  invalid: { args: ['validate', INVALID] },
  json: { args: ['validate', VALID, INVALID, THREE, WARNING_ONLY, '--format', 'json'] },
  github: { args: ['validate', INVALID, THREE, WARNING_ONLY, '--format', 'github'] },
  unknownOption: { args: ['validate', VALID, '--frobnicate'] },
  unknownCommand: { args: ['frobnicate', VALID] },
  badFormat: { args: ['validate', VALID, '--format', 'xml'] },
  badLang: { args: ['validate', VALID, '--lang', 'de'] },
  noMatch: { args: ['validate', 'test/fixtures/no-such-*.yaml'] },
  warningOnly: { args: ['validate', WARNING_ONLY] },
  warningOnlyStrict: { args: ['validate', WARNING_ONLY, '--strict'] },
  langFr: { args: ['validate', THREE, WARNING_ONLY, '--lang', 'fr'] },
  langEn: { args: ['validate', THREE, WARNING_ONLY, '--lang', 'en'], env: { LANG: 'fr_FR.UTF-8' } },
  langEnvFr: { args: ['validate', THREE, WARNING_ONLY], env: { LANG: 'fr_FR.UTF-8' } },
  langFrUsage: { args: ['validate', VALID, '--format', 'xml'], env: { LANG: 'fr_FR.UTF-8' } },
  // The defaults of runCli: LANG=C, NO_COLOR=1.
  plain: { args: ['validate', THREE, WARNING_ONLY] },
  notTty: { args: ['validate', THREE, WARNING_ONLY], env: { NO_COLOR: undefined } },
  folder: { args: ['validate', '.', '--format', 'json'], cwd: 'tmp' },
  help: { args: ['--help'] },
  noArgs: { args: [] },
  version: { args: ['--version'] },
};

let tmp = '';
let cleanup: () => Promise<void> = async () => {};
const runs = new Map<string, Run>();

function run(name: keyof typeof plan): Run {
  const r = runs.get(name);
  if (!r) throw new Error(`no run for ${name}`);
  return r;
}

function json(name: keyof typeof plan): JsonReport {
  return JSON.parse(run(name).stdout) as JsonReport;
}

beforeAll(async () => {
  ({ dir: tmp, cleanup } = await tempDir('cli'));
  // A folder tree: visits at several depths, .yaml and .yml, plus files that are not visits.
  const valid = await readFile(join(ROOT, VALID), 'utf8');
  const invalid = await readFile(join(ROOT, INVALID), 'utf8');
  await mkdir(join(tmp, '2024', 'janvier', 'arras'), { recursive: true });
  await writeFile(join(tmp, 'top.yaml'), valid);
  await writeFile(join(tmp, '2024', 'lens.yml'), valid);
  await writeFile(join(tmp, '2024', 'janvier', 'arras', 'deep.yaml'), invalid);
  await writeFile(join(tmp, '2024', 'notes.txt'), 'version: oops\n');
  await writeFile(join(tmp, '2024', 'janvier', 'README.md'), '# not a visit\n');
  await Promise.all(Object.entries(plan).map(async ([name, p]) => {
    runs.set(name, await runCli(p.args, { env: p.env, cwd: p.cwd === 'tmp' ? tmp : ROOT }));
  }));
}, 120_000);

afterAll(async () => {
  await cleanup();
});

describe('cli: no run prints a stack trace', () => {
  it.each(Object.keys(plan))('%s', (name) => {
    const r = run(name);
    expect(STACK_TRACE.test(r.stderr), r.stderr).toBe(false);
    expect(STACK_TRACE.test(r.stdout)).toBe(false);
  });
});

describe('cli: --format json', () => {
  it('is one JSON document with files[].diagnostics[] and a summary', () => {
    const r = run('json');
    expect(r.code).toBe(1);
    const report = json('json');
    expect(report.files.map((f) => f.file)).toEqual([VALID, INVALID, THREE, WARNING_ONLY].sort());
    for (const f of report.files) {
      for (const d of f.diagnostics) {
        expect(typeof d.code).toBe('string');
        expect(d.line).toEqual(expect.any(Number));
        expect(d.column).toEqual(expect.any(Number));
      }
    }
    expect(report.summary).toEqual({ files: 4, invalid: 2, errors: 4, warnings: 1 });
  });

  it('gives each diagnostic its code, severity and 1-based line and column', () => {
    const byFile = new Map(json('json').files.map((f) => [f.file, f]));
    const brief = (file: string): [string, string, number | null, number | null][] =>
      byFile.get(file)!.diagnostics.map((d) => [d.code, d.severity, d.line, d.column]);
    expect(brief(VALID)).toEqual([]);
    expect(brief(INVALID)).toEqual([['schema-unknown-key', 'error', 18, 5]]);
    expect(brief(THREE)).toEqual([
      ['schema-const', 'error', 1, 10], ['date-invalid', 'error', 7, 11], ['schema-unknown-key', 'error', 18, 5],
    ]);
    expect(brief(WARNING_ONLY)).toEqual([['date-outside-visit', 'warning', 18, 17]]);
  });

  it('marks files valid or not', () => {
    const valid = Object.fromEntries(json('json').files.map((f) => [f.file, f.valid]));
    expect(valid).toEqual({ [VALID]: true, [INVALID]: false, [THREE]: false, [WARNING_ONLY]: true });
  });
});

describe('cli: --format github', () => {
  const annotation = /^::(error|warning) file=[^,]+,line=\d+,col=\d+/;

  it('prints one workflow annotation per diagnostic, then the summary line', () => {
    const r = run('github');
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    const annotations = lines.slice(0, -1);
    expect(annotations).toHaveLength(5);
    for (const line of annotations) expect(line).toMatch(annotation);
    expect(lines.at(-1)).not.toMatch(/^::/);
  });

  it('puts the right file, line, column and severity on each annotation', () => {
    const places = run('github').stdout.split('\n').filter((l) => l.startsWith('::')).map((l) => {
      const m = /^::(\w+) file=([^,]+),line=(\d+),col=(\d+),.*title=visite ([a-z0-9-]+)::/.exec(l);
      return m ? [m[1], m[2], Number(m[3]), Number(m[4]), m[5]] : l;
    });
    // Files in sorted order: date-outside-visit, schema-unknown-key, three-mistakes.
    expect(places).toEqual([
      ['warning', WARNING_ONLY, 18, 17, 'date-outside-visit'],
      ['error', INVALID, 18, 5, 'schema-unknown-key'],
      ['error', THREE, 1, 10, 'schema-const'],
      ['error', THREE, 7, 11, 'date-invalid'],
      ['error', THREE, 18, 5, 'schema-unknown-key'],
    ]);
  });
});

describe('cli: exit codes', () => {
  it('0 on a valid file', () => {
    expect(run('valid').code).toBe(0);
    expect(run('valid').stdout).toMatch(/all valid/);
  });

  it('1 on an invalid file, with the code in brackets', () => {
    expect(run('invalid').code).toBe(1);
    expect(run('invalid').stdout).toContain('[schema-unknown-key]');
    expect(run('invalid').stdout).toContain(`${INVALID}:18:5`);
  });

  it.each([
    ['unknownOption', 'an unknown option'],
    ['unknownCommand', 'an unknown command'],
    ['badFormat', 'a bad --format value'],
    ['badLang', 'a bad --lang value'],
    ['noMatch', 'arguments that match no file'],
  ] as const)('2 on %s (%s), with a message on stderr and nothing on stdout', (name, _what) => {
    const r = run(name);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).not.toBe('');
  });

  it('2 with the help on no arguments; 0 on --help and --version', () => {
    expect(run('noArgs').code).toBe(2);
    expect(run('help').code).toBe(0);
    expect(run('help').stdout).toContain('validate');
    expect(run('version').code).toBe(0);
    expect(run('version').stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('cli: --strict', () => {
  it('a warning-only file passes without --strict (exit 0)', () => {
    expect(run('warningOnly').code).toBe(0);
    expect(run('warningOnly').stdout).toContain('[date-outside-visit]');
  });

  it('a warning-only file fails with --strict (exit 1)', () => {
    expect(run('warningOnlyStrict').code).toBe(1);
    expect(run('warningOnlyStrict').stdout).toContain('[date-outside-visit]');
  });
});

describe('cli: language', () => {
  it('--lang fr speaks French', () => {
    const r = run('langFr');
    expect(r.stdout).toMatch(/\berreur\b/);
    expect(r.stdout).toMatch(/\bavertissement\b/);
    expect(r.stdout).not.toMatch(/\berror\b/);
  });

  it('--lang en speaks English, even under LANG=fr_FR.UTF-8', () => {
    const r = run('langEn');
    expect(r.stdout).toMatch(/\berror\b/);
    expect(r.stdout).toMatch(/\bwarning\b/);
    expect(r.stdout).not.toMatch(/\berreur\b/);
  });

  it('LANG=fr_FR.UTF-8 without --lang speaks French', () => {
    const r = run('langEnvFr');
    expect(r.stdout).toMatch(/\berreur\b/);
    expect(r.stdout).not.toMatch(/\berror\b/);
  });

  it('LANG=C without --lang speaks English', () => {
    const r = run('plain');
    expect(r.stdout).toMatch(/\berror\b/);
    expect(r.stdout).not.toMatch(/\berreur\b/);
  });

  it('usage errors follow LANG too', () => {
    expect(run('langFrUsage').code).toBe(2);
    expect(run('langFrUsage').stderr).toMatch(/refusée/);
  });

  it('the language changes the words, not the codes or places', () => {
    const places = (r: Run): string[] => r.stdout.split('\n').filter((l) => /\[[a-z-]+\]$/.test(l))
      .map((l) => `${l.split(/\s+/)[0]} ${/\[([a-z-]+)\]$/.exec(l)?.[1]}`);
    expect(places(run('langFr'))).toEqual(places(run('langEn')));
    expect(places(run('langFr'))).toHaveLength(4);
  });
});

describe('cli: colour', () => {
  it('no ANSI escape with NO_COLOR=1', () => {
    expect(run('plain').stdout).not.toMatch(ESCAPE);
    expect(run('plain').stderr).not.toMatch(ESCAPE);
  });

  it('no ANSI escape when stdout is not a TTY, even without NO_COLOR', () => {
    expect(run('notTty').stdout).not.toMatch(ESCAPE);
    expect(run('notTty').stdout).toContain('[schema-const]');
  });

  // `script` gives the CLI a pseudo-terminal, to show colour does switch on and that NO_COLOR switches it off.
  const hasScript = (() => {
    try {
      execFileSync('script', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!hasScript)('on a TTY: colour by default, none with NO_COLOR=1 or --no-color', () => {
    const onTty = (extraEnv: Record<string, string>, extraArgs = ''): string => {
      const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C', ...extraEnv };
      delete env.FORCE_COLOR;
      if (!('NO_COLOR' in extraEnv)) delete env.NO_COLOR;
      const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} validate ${JSON.stringify(THREE)}${extraArgs}`;
      try {
        return execFileSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env, encoding: 'utf8' });
      } catch (error) {
        return String((error as { stdout?: string }).stdout ?? '');
      }
    };
    expect(onTty({})).toMatch(ESCAPE);
    expect(onTty({ NO_COLOR: '1' })).not.toMatch(ESCAPE);
    expect(onTty({}, ' --no-color')).not.toMatch(ESCAPE);
  });
});

describe('cli: folders', () => {
  it('a folder argument finds .yaml and .yml files in it recursively, and nothing else', () => {
    const r = run('folder');
    expect(r.code).toBe(1);
    const report = json('folder');
    expect(report.files.map((f) => f.file)).toEqual(['./2024/janvier/arras/deep.yaml', './2024/lens.yml', './top.yaml']);
    expect(report.summary).toEqual({ files: 3, invalid: 1, errors: 1, warnings: 0 });
    expect(report.files.find((f) => f.file.endsWith('deep.yaml'))?.diagnostics.map((d) => [d.code, d.line, d.column]))
      .toEqual([['schema-unknown-key', 18, 5]]);
  });
});
