// The hostile corpus (test/hostile/): each file with its expected outcome
// (exit code and codes), through the real CLI. Injection files must also
// render to md, html and pdf with everything inert.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESCAPE, ROOT, runCli, STACK_TRACE, tempDir } from './helpers.js';

interface Case { exit: number; codes: string[]; args?: string[]; file?: string; generate?: boolean }
const HOSTILE = join(ROOT, 'test/hostile');

let dir: string;
let cleanup: () => Promise<void>;
let cases: Record<string, Case>;
const base = async (): Promise<string> => readFile(join(HOSTILE, 'valid-visit.yaml'), 'utf8');

/** The large inputs are made at test time rather than kept in the repository. */
async function generated(name: string): Promise<string> {
  const path = join(dir, name);
  if (name === 'huge-file-2mb.yaml') await writeFile(path, `a: "${'b'.repeat(2_100_000)}"\n`);
  if (name === 'huge-scalar-900k.yaml') await writeFile(path, (await base()).replace("title: Visite de l'antenne", `title: "${'a'.repeat(900_000)}"`));
  if (name === 'many-keys-20000.yaml') await writeFile(path, Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}\n`).join(''));
  return path;
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('visite-hostile-'));
  cases = JSON.parse(await readFile(join(HOSTILE, 'expected.json'), 'utf8'));
});
afterAll(async () => cleanup());

describe('hostile corpus', () => {
  it('has at least 40 cases', () => expect(Object.keys(cases).length).toBeGreaterThanOrEqual(40));

  it('each case gives its exit code and codes, never a stack trace or a raw escape sequence', async () => {
    const failures: string[] = [];
    const names = Object.keys(cases);
    // Two at a time: the machine has two cores.
    for (let i = 0; i < names.length; i += 2) {
      await Promise.all(names.slice(i, i + 2).map(async (name) => {
        const c = cases[name]!;
        const file = c.generate ? await generated(name) : join(HOSTILE, c.file ?? name);
        const args = c.args ? [...c.args, file, '--out', join(dir, 'out')] : ['validate', file];
        const run = await runCli(args);
        const output = run.stdout + run.stderr;
        if (run.code !== c.exit) failures.push(`${name}: exit ${run.code}, expected ${c.exit}\n${output.slice(0, 400)}`);
        for (const code of c.codes) if (!output.includes(`[${code}]`)) failures.push(`${name}: no [${code}] in\n${output.slice(0, 400)}`);
        if (STACK_TRACE.test(output)) failures.push(`${name}: stack trace`);
        if (ESCAPE.test(output)) failures.push(`${name}: raw escape sequence in the output`);
      }));
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

describe('injections render inert', () => {
  for (const kind of ['script', 'markdown', 'typst', 'handlebars']) {
    it(`${kind}: md, html and pdf keep the text as text`, async () => {
      const out = join(dir, `inject-${kind}`);
      await mkdir(out, { recursive: true });
      const run = await runCli(['render', join(HOSTILE, `inject-${kind}.yaml`), '--out', out]);
      expect(run.code).toBe(0);
      const html = await readFile(join(out, `inject-${kind}.html`), 'utf8');
      expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<(script|iframe|object|embed)\b|<[a-z][^>]*\son[a-z]+=/i);
      expect(html).not.toMatch(/<a\s[^>]*href="\s*javascript:|<img[^>]+src="https?:/i);
      const md = await readFile(join(out, `inject-${kind}.md`), 'utf8');
      expect(md).not.toMatch(/^#+ Titre$/m);
      // Escaped (\<script>) is text; an unescaped tag would be HTML.
      expect(md).not.toMatch(/(^|[^\\])<script/m);
      const doc = await getDocument({ data: new Uint8Array(await readFile(join(out, `inject-${kind}.pdf`))), verbosity: 0 }).promise;
      let text = '';
      for (let p = 1; p <= doc.numPages; p++) text += (await (await doc.getPage(p)).getTextContent()).items.map((x) => ('str' in x ? x.str : '')).join('');
      await doc.destroy();
      if (kind === 'typst') {
        expect(text.replace(/\s+/g, '')).toContain('#read("/etc/passwd")');
        expect(text).not.toMatch(/root:x:0:0/);
      }
      if (kind === 'handlebars') expect(text).toContain('{{report.title}}');
    }, 30_000);
  }
});
