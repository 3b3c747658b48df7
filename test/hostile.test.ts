/**
 * Hostile inputs, generated at test time in a temporary folder and fed to the
 * real CLI (`node bin/visite.js validate`). Whatever the input, the tool must
 * answer with a diagnostic and an exit code (0, 1 or 2), never a crash or a
 * stack trace, never hang, and never let the input drive the terminal.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFile } from '../src/validate/index.js';
import { validateText } from '../src/validate/text.js';
import { ESCAPE, runCli, STACK_TRACE, tempDir, type Run } from './helpers.js';

const MIB = 1024 * 1024;

/** The smallest valid visit; cases break or pad it. Lines are numbered in comments where tests rely on them. */
const MINIMAL = [
  'version: 1', //                      1
  'report:', //                         2
  '  kind: compte-rendu', //            3
  '  unions: [fo-justice-cpip]', //     4
  "  title: Visite de l'antenne", //    5
  '  published:', //                    6
  '    date: 2024-02-01', //            7
  'visit:', //                          8
  '  dates: [2024-01-24]', //           9
  'services:', //                      10
  '  - id: spip62', //                 11
  '    name: SPIP du Pas-de-Calais', // 12
  'sites:', //                         13
  '  - id: alip-arras', //             14
  '    service: spip62', //            15
  '    kind: antenne-mo', //           16
  "    name: ALIP d'Arras", //         17
].join('\n') + '\n';

/** Deterministic "random" bytes (mulberry32), so a failure can be replayed. */
function pseudoRandomBytes(length: number, seed = 0x5eed): Buffer {
  const out = Buffer.alloc(length);
  let a = seed;
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  out[10] = 0xff; // never valid in UTF-8, whatever the seed
  return out;
}

/** A billion-laughs bomb: 9 levels of 10 aliases each, 10^9 strings once expanded. */
function aliasBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) {
    const prev = names[i - 1]!;
    lines.push(`${names[i]!}: &${names[i]!} [${Array(10).fill(`*${prev}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

/** Block mapping indented one more space per level: `k:` / ` k:` / `  k:` … */
function indentedMaps(levels: number): string {
  let s = '';
  for (let i = 0; i < levels; i++) s += `${' '.repeat(i)}k:\n`;
  return `${s}${' '.repeat(levels)}x\n`;
}

const ESC = '\u001b';
const RLO = '\u202e'; // right-to-left override
const PDF = '\u202c'; // pop directional formatting

interface Case {
  /** File name in the temporary folder. */
  name: string;
  content?: string | Buffer;
  /** Arguments after `validate` (default: the file's name; [] for a file only written, not run). */
  args?: string[];
  env?: Record<string, string | undefined>;
}

const cases: Case[] = [
  { name: 'random.yaml', content: pseudoRandomBytes(4096) },
  { name: 'empty.yaml', content: '' },
  { name: 'five-mb.yaml', content: `${MINIMAL}${`# ${'x'.repeat(78)}\n`.repeat((5 * MIB) / 80)}` },
  { name: 'deep-flow-seq.yaml', content: `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n` },
  { name: 'deep-flow-map.yaml', content: `${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n` },
  { name: 'deep-block-seq.yaml', content: `${'- '.repeat(10_000)}x\n` },
  // 10,000 levels indented one space each need 50 MB: refused before parsing.
  { name: 'deep-block-10000.yaml', content: indentedMaps(10_000) },
  // As deep as an indented block gets under 1 MiB (about 1,400 levels): parsed, then refused.
  { name: 'deep-block-1400.yaml', content: indentedMaps(1_400) },
  { name: 'alias-bomb.yaml', content: aliasBomb() },
  {
    name: 'proto-keys.yaml',
    content: MINIMAL.replace('version: 1\n', 'version: 1\n__proto__:\n  polluted: true\nconstructor: x\nprototype: y\n')
      + '    __proto__: { polluted: true }\n    constructor: 1\n    prototype: 2\n',
  },
  {
    name: 'bad-utf8.yaml',
    content: Buffer.concat([
      Buffer.from(MINIMAL.split('\n').slice(0, 4).join('\n') + '\n  title: Visite de l'),
      Buffer.from([0xe9]), // "é" in Latin-1: line 5, column 21
      Buffer.from(`antenne\n${MINIMAL.split('\n').slice(5).join('\n')}`),
    ]),
  },
  { name: 'nul.yaml', content: MINIMAL.replace('  title: Visite', '  title: Visite\u0000') }, // line 5, column 16
  { name: 'ansi-key.yaml', content: `${MINIMAL}    ${ESC}[31m${ESC}]0;pwned${ESC}\\evil${ESC}[0m: 1\n    ${RLO}evil${PDF}: 2\n` },
  { name: 'ansi-key-github.yaml', args: ['ansi-key.yaml', '--format', 'github'] },
  { name: 'ansi-key-tty-env.yaml', args: ['ansi-key.yaml'], env: { NO_COLOR: undefined } },
  { name: 'exactly-1mib.yaml', content: `${MINIMAL}#`.padEnd(MIB - 1, 'x') + '\n' },
  { name: 'one-mib-plus-one.yaml', content: `${MINIMAL}#`.padEnd(MIB, 'x') + '\n' },
  { name: 'dir-as-file.yaml', args: ['dir-as-file.yaml'] },
  { name: 'folder-with-dir', args: ['folder-with-dir'] },
  { name: 'missing.yaml', args: ['missing.yaml'] },
  { name: 'missing-and-valid', args: ['valid.yaml', 'missing.yaml'] },
  { name: 'valid.yaml', content: MINIMAL, args: [] },
];

let dir = '';
let cleanup: () => Promise<void> = async () => {};
const runs = new Map<string, Run>();
const elapsed = new Map<string, number>();

function run(name: string): Run {
  const r = runs.get(name);
  if (!r) throw new Error(`no run for ${name}`);
  return r;
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('hostile'));
  for (const c of cases) if (c.content !== undefined) await writeFile(join(dir, c.name), c.content);
  await mkdir(join(dir, 'dir-as-file.yaml'));
  await mkdir(join(dir, 'folder-with-dir', 'inner.yaml'), { recursive: true });
  await writeFile(join(dir, 'folder-with-dir', 'visit.yaml'), MINIMAL);
  // Every case in parallel: one spawn each, shared by its assertions.
  await Promise.all(cases.filter((c) => c.args?.length !== 0).map(async (c) => {
    const start = Date.now();
    runs.set(c.name, await runCli(['validate', ...(c.args ?? [c.name])], { cwd: dir, env: c.env }));
    elapsed.set(c.name, Date.now() - start);
  }));
}, 120_000);

afterAll(async () => {
  await cleanup();
});

/** Exit code as expected, no stack trace anywhere, and `[code]` on stdout for each code given. */
function expectClean(name: string, exit: 0 | 1 | 2, codes: string[] = []): Run {
  const r = run(name);
  expect(STACK_TRACE.test(r.stderr), `stack trace on stderr:\n${r.stderr}`).toBe(false);
  expect(STACK_TRACE.test(r.stdout), `stack trace on stdout:\n${r.stdout}`).toBe(false);
  expect(r.stderr).not.toMatch(/internal error|erreur interne/);
  expect(r.code, `exit code; stdout:\n${r.stdout.slice(0, 2000)}\nstderr:\n${r.stderr}`).toBe(exit);
  for (const code of codes) expect(r.stdout).toContain(`[${code}]`);
  return r;
}

/** `file:line:col` places printed for a code in the pretty format. */
function placesOf(r: Run, code: string): string[] {
  return r.stdout.split('\n')
    .filter((l) => l.endsWith(`[${code}]`))
    .map((l) => l.split(/\s+/)[0] ?? '');
}

describe('hostile input through the CLI: a diagnostic and an exit code, never a crash', () => {
  it('random binary bytes: file-not-utf8, exit 1', () => {
    expectClean('random.yaml', 1, ['file-not-utf8']);
  });

  it('an empty file: file-empty at 1:1, exit 1', () => {
    const r = expectClean('empty.yaml', 1, ['file-empty']);
    expect(placesOf(r, 'file-empty')).toEqual(['empty.yaml:1:1']);
  });

  it('a 5 MB file: file-too-large, refused without being parsed, exit 1', () => {
    const r = expectClean('five-mb.yaml', 1, ['file-too-large']);
    expect(r.stdout).not.toMatch(/\[(yaml|schema)-/);
  });

  it('10,000 levels of flow sequences `[[[…]]]`: yaml-too-deep, exit 1', () => {
    const r = expectClean('deep-flow-seq.yaml', 1, ['yaml-too-deep']);
    expect(placesOf(r, 'yaml-too-deep')).toHaveLength(1);
  });

  it('10,000 levels of flow mappings `{a: {a: …}}`: yaml-too-deep, exit 1', () => {
    expectClean('deep-flow-map.yaml', 1, ['yaml-too-deep']);
  });

  it('10,000 levels of block sequences `- - - …`: yaml-too-deep, exit 1', () => {
    expectClean('deep-block-seq.yaml', 1, ['yaml-too-deep']);
  });

  it('10,000 block-indented levels (50 MB of indentation): file-too-large, exit 1', () => {
    expectClean('deep-block-10000.yaml', 1, ['file-too-large']);
  });

  it('1,400 block-indented levels (just under 1 MiB): yaml-too-deep once, exit 1', () => {
    const r = expectClean('deep-block-1400.yaml', 1, ['yaml-too-deep']);
    expect(placesOf(r, 'yaml-too-deep')).toHaveLength(1);
  });

  it('a billion-laughs alias bomb: yaml-alias-limit, quickly, exit 1', () => {
    expectClean('alias-bomb.yaml', 1, ['yaml-alias-limit']);
    expect(elapsed.get('alias-bomb.yaml')).toBeLessThan(10_000);
  });

  it('keys __proto__, constructor, prototype at root and nested: six schema-unknown-key at the keys, exit 1', () => {
    const r = expectClean('proto-keys.yaml', 1, ['schema-unknown-key']);
    expect(placesOf(r, 'schema-unknown-key')).toEqual([
      'proto-keys.yaml:2:1', 'proto-keys.yaml:4:1', 'proto-keys.yaml:5:1',
      'proto-keys.yaml:22:5', 'proto-keys.yaml:23:5', 'proto-keys.yaml:24:5',
    ]);
  });

  it('invalid UTF-8 in the middle: file-not-utf8 at the bad byte (5:21), exit 1', () => {
    const r = expectClean('bad-utf8.yaml', 1, ['file-not-utf8']);
    expect(placesOf(r, 'file-not-utf8')).toEqual(['bad-utf8.yaml:5:21']);
  });

  it('a NUL byte: file-not-utf8 at the NUL (5:16), exit 1', () => {
    const r = expectClean('nul.yaml', 1, ['file-not-utf8']);
    expect(placesOf(r, 'file-not-utf8')).toEqual(['nul.yaml:5:16']);
  });

  it('ANSI escapes and bidi overrides in a key: reported, and the pretty output carries neither', () => {
    const r = expectClean('ansi-key.yaml', 1, ['schema-unknown-key']);
    expect(placesOf(r, 'schema-unknown-key')).toEqual(['ansi-key.yaml:18:5', 'ansi-key.yaml:19:5']);
    expect(r.stdout).not.toContain(ESC);
    expect(r.stdout).not.toMatch(ESCAPE);
    expect(r.stdout).not.toContain(RLO);
    expect(r.stdout).not.toContain(PDF);
  });

  it('ANSI escapes in a key: no raw ESC either without NO_COLOR (output is not a TTY)', () => {
    const r = expectClean('ansi-key-tty-env.yaml', 1, ['schema-unknown-key']);
    expect(r.stdout).not.toMatch(ESCAPE);
    expect(r.stdout).not.toContain(RLO);
  });

  it('ANSI escapes and bidi overrides in a key: the github format (read in CI logs) carries neither', () => {
    const r = run('ansi-key-github.yaml');
    expect(STACK_TRACE.test(r.stderr)).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=ansi-key\.yaml,line=18,col=5,/m);
    expect(r.stdout).not.toContain(ESC);
    expect(r.stdout).not.toContain(RLO);
  });

  it('a file of exactly 1 MiB is read (valid visit padded with a comment), exit 0', () => {
    const r = expectClean('exactly-1mib.yaml', 0);
    expect(r.stdout).not.toContain('[file-too-large]');
  });

  it('a file of 1 MiB + 1 byte: file-too-large, exit 1', () => {
    expectClean('one-mib-plus-one.yaml', 1, ['file-too-large']);
  });

  it('a directory named like a visit file: no visit file found, exit 2', () => {
    const r = expectClean('dir-as-file.yaml', 2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('dir-as-file.yaml');
  });

  it('a folder holding a directory named `inner.yaml`: the directory is skipped, the visit checked, exit 0', () => {
    const r = expectClean('folder-with-dir', 0);
    expect(r.stdout).toMatch(/^1 file checked/m);
  });

  it('a nonexistent path: no visit file found, exit 2, nothing on stdout', () => {
    const r = expectClean('missing.yaml', 2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('missing.yaml');
  });

  it('a nonexistent path next to a valid file: the missing one is named, and the run does not pass (exit 2)', () => {
    const r = run('missing-and-valid');
    expect(STACK_TRACE.test(r.stderr)).toBe(false);
    expect(r.stderr).toContain('missing.yaml');
    expect(r.code).toBe(2);
  });
});

describe('hostile input in process: no pollution, no throw', () => {
  it('__proto__, constructor and prototype keys do not pollute Object.prototype', () => {
    const text = MINIMAL.replace('version: 1\n', 'version: 1\n__proto__:\n  polluted: true\nconstructor: x\nprototype: y\n')
      + '    __proto__: { polluted: true }\n    constructor: { prototype: { polluted: true } }\n';
    const file = validateText('proto.yaml', text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(Object.getPrototypeOf(file.data)).toBe(Object.prototype);
    expect(Object.keys(file.data as object)).toContain('__proto__');
    const unknown = file.diagnostics.filter((d) => d.code === 'schema-unknown-key').map((d) => d.path);
    expect(unknown).toEqual([['__proto__'], ['constructor'], ['prototype'], ['sites', 0, '__proto__'], ['sites', 0, 'constructor']]);
  });

  it('a directory given straight to validateFile: file-unreadable, no throw', async () => {
    const { dir: d, cleanup: done } = await tempDir('dir');
    try {
      const file = await validateFile(d);
      expect(file.diagnostics.map((x) => x.code)).toEqual(['file-unreadable']);
    } finally {
      await done();
    }
  });

  it('a nonexistent path given straight to validateFile: file-unreadable (ENOENT), no throw', async () => {
    const file = await validateFile(join(dir || '/nonexistent', 'nope', 'missing.yaml'));
    expect(file.diagnostics.map((x) => [x.code, x.params.reason])).toEqual([['file-unreadable', 'ENOENT']]);
  });
});
