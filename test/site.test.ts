// `visite build`: the static site (index grouped by year, one page per visit
// with its PDF and Markdown, Atom feed, sitemap, fingerprinted stylesheet),
// relative links only, byte-identical rebuilds, incremental renders, and what
// an invalid visit does with and without --keep-going. No browser here: see
// site-browser.test.ts.
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild, type BuildCommandOptions } from '../src/commands/build.js';
import { loadConfig, type Config } from '../src/config.js';
import { sha256 } from '../src/site/text.js';
import { ROOT, tempDir } from './helpers.js';

const FO = '2024-01-24-spip62-fo-justice-cpip';
const CGT = '2026-02-05-spip62-cgt-ip';
const FO_TITLE = 'Compte-rendu de visite au SPIP du Pas-de-Calais';
const CGT_TITLE = 'InSERRE d’Arras, des zones d’ombre qui demeurent';
const BASE = 'https://example.org/archives/';

let dir: string;
let cleanup: () => Promise<void>;
let config: Config;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('site'));
  config = (await loadConfig(undefined, dir)).config;
});
afterAll(async () => cleanup());

/** A folder of visits: copies of the reference visits, plus any extra files. */
async function visitsDir(name: string, which: readonly string[] = [FO, CGT], extra: Record<string, string> = {}): Promise<string> {
  const target = join(dir, name);
  await mkdir(target, { recursive: true });
  for (const v of which) await copyFile(join(ROOT, 'visits', `${v}.yaml`), join(target, `${v}.yaml`));
  for (const [file, text] of Object.entries(extra)) await writeFile(join(target, file), text);
  return target;
}

async function build(paths: string[], out: string, options: Partial<BuildCommandOptions> = {}): Promise<{ code: number; out: string; err: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runBuild({
    paths, out, keepGoing: false, internal: false, config, lang: 'en', color: false, progress: false,
    out_: (t) => stdout.push(t), err: (t) => stderr.push(t), ...options,
  });
  return { code, out: stdout.join(''), err: stderr.join('') };
}

/** Every file under a folder: relative path → bytes. */
async function tree(root: string): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    found.set(relative(root, path), await readFile(path));
  }
  return new Map([...found].sort(([a], [b]) => (a < b ? -1 : 1)));
}

const treeHash = (t: Map<string, Buffer>): string => sha256([...t].map(([p, b]) => `${p}\u0000${sha256(b)}`).join('\n'));

async function mtimes(root: string): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const path of (await tree(root)).keys()) found.set(path, (await stat(join(root, path))).mtimeMs);
  return found;
}

/** Every href and src of an HTML text. */
const links = (html: string): string[] => [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);

/** A link the site may use for its own pages: relative, never from the server's root, never to another site. */
const isRelative = (url: string): boolean => !url.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(url);

/** A small well-formedness check: declaration, CDATA and comments aside, every tag closes in order. */
function wellFormed(xml: string): boolean {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(body)) return false;
  if (body.includes(']]>')) return false; // only a CDATA section may end with it
  const stack: string[] = [];
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|</g)) {
    if (m[2] === undefined) return false; // a '<' that starts no tag
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else if (!m[4]) stack.push(m[2]);
  }
  return stack.length === 0;
}

describe('visite build: the site of the two reference visits', () => {
  let input: string;
  let out: string;
  let first: { code: number; out: string; err: string };
  beforeAll(async () => {
    input = await visitsDir('ref');
    out = join(dir, 'dist-ref');
    first = await build([input], out, { baseUrl: BASE });
  });

  it('builds, and says what it did in one line', () => {
    expect(first.code, first.out + first.err).toBe(0);
    expect(first.out).toBe(`2 visits, 2 rendered, 0 unchanged → ${out}/\n`);
    expect(first.err).toBe('');
  });

  it('lists both visits on the index, newest first, under a heading per year', async () => {
    const html = await readFile(join(out, 'index.html'), 'utf8');
    const cgt = html.indexOf(CGT_TITLE);
    const fo = html.indexOf(FO_TITLE);
    expect(cgt).toBeGreaterThan(0);
    expect(fo).toBeGreaterThan(cgt);
    const y2026 = html.indexOf('<h2>2026</h2>');
    const y2024 = html.indexOf('<h2>2024</h2>');
    expect(y2026).toBeGreaterThan(0);
    expect(y2026).toBeLessThan(cgt);
    expect(y2024).toBeGreaterThan(cgt);
    expect(y2024).toBeLessThan(fo);
    // Each entry: a link to its page, the date in French, the union, the service, the sites.
    expect(html).toContain(`<a class="title" href="${CGT}/index.html">${CGT_TITLE}</a>`);
    expect(html).toContain('<time datetime="2026-03-06">6 mars 2026</time> · CGT IP · SPIP du Pas-de-Calais · établissement InSERRE d’Arras');
    expect(html).toContain('<time datetime="2024-02-23">23 février 2024</time> · FO Justice CPIP · SPIP du Pas-de-Calais · ALIP du CP de Longuenesse, ALIP MO de Béthune');
    // Filters without script: radios, one "all" per facet, and no script anywhere.
    expect(html).toContain('<input type="radio" name="f-union" id="f-union--all" value="" checked>');
    expect(html).toContain('<input type="radio" name="f-union" id="f-union-cgt-ip" value="cgt-ip"><label for="f-union-cgt-ip">CGT IP</label>');
    expect(html).toContain('id="f-service--all"');
    expect(html).toContain('id="f-site--all"');
    expect(html).toContain('data-union="cgt-ip" data-service="spip-du-pas-de-calais" data-site="etablissement-inserre-d-arras"');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'self\';');
  });

  it('links a stylesheet whose name is its own content hash, holding a :has() rule per filter value', async () => {
    const html = await readFile(join(out, 'index.html'), 'utf8');
    const href = /<link rel="stylesheet" href="(assets\/site\.([0-9a-f]{8})\.css)">/.exec(html);
    expect(href).not.toBeNull();
    const css = await readFile(join(out, href![1]!));
    expect(sha256(css).slice(0, 8)).toBe(href![2]);
    expect(css.toString()).toContain('body:has(#f-union-cgt-ip:checked) li.visit:not([data-union~="cgt-ip"]) { display: none; }');
    expect(css.toString()).toContain('body:has(#f-site-alip-mo-de-bethune:checked) li.visit:not([data-site~="alip-mo-de-bethune"]) { display: none; }');
    expect((await readdir(join(out, 'assets'))).length).toBe(1);
  });

  it('writes each visit’s page, its PDF and its Markdown in its own folder', async () => {
    for (const [slug, title] of [[FO, FO_TITLE], [CGT, CGT_TITLE]] as const) {
      const page = await readFile(join(out, slug, 'index.html'), 'utf8');
      expect(page).toContain(`<title>${title}</title>`);
      expect(page).toContain(`<body>\n<nav class="site-nav" aria-label="Navigation"><a href="../index.html">← Tous les bulletins</a><a href="${slug}.pdf" type="application/pdf">PDF</a><a href="${slug}.md" type="text/markdown">Markdown</a></nav>\n<header class="banner">`);
      expect(page).not.toMatch(/<script/i);
      const pdf = await readFile(join(out, slug, `${slug}.pdf`));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const md = await readFile(join(out, slug, `${slug}.md`), 'utf8');
      expect(md).toMatch(/^---\ntitle: /);
      expect(md).toContain(title);
    }
  });

  it('uses only relative links for its own pages; only bulletin bodies link elsewhere (Légifrance…)', async () => {
    const index = await readFile(join(out, 'index.html'), 'utf8');
    expect(links(index).length).toBeGreaterThan(6);
    for (const url of links(index)) expect(isRelative(url) || url === 'data:,', url).toBe(true);
    let external = 0;
    for (const slug of [FO, CGT]) {
      const page = await readFile(join(out, slug, 'index.html'), 'utf8');
      const [before, rest] = page.split('<main>');
      const [main, after] = (rest ?? '').split('</main>');
      for (const url of links(`${before}${after}`)) expect(isRelative(url) || url === 'data:,', url).toBe(true);
      for (const url of links(main ?? '')) {
        expect(url.startsWith('/'), url).toBe(false);
        if (/^https:\/\//.test(url)) external++;
        else expect(isRelative(url) || url.startsWith('mailto:'), url).toBe(true);
      }
    }
    expect(external).toBeGreaterThan(0); // e.g. Légifrance, the union's earlier communiqués
  });

  it('writes a well-formed Atom feed of the two visits, dated from the visits, never from the clock', async () => {
    const feed = await readFile(join(out, 'feed.xml'), 'utf8');
    expect(wellFormed(feed)).toBe(true);
    expect(feed).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(feed.match(/<entry>/g)).toHaveLength(2);
    expect(feed).toContain(`<id>${BASE}</id>`);
    expect(feed).toContain(`<link rel="self" href="${BASE}feed.xml"/>`);
    expect(feed).toContain(`<id>${BASE}${CGT}/index.html</id>`);
    expect(feed).toContain(`<link href="${BASE}${FO}/index.html"/>`);
    // The feed's date is the newest visit's; every date in it is one of the visits'.
    expect(feed).toContain('<updated>2026-03-06T00:00:00.000Z</updated>\n    <generator>visite</generator>');
    for (const [, date] of feed.matchAll(/<(?:updated|published)>([^<]*)</g)) expect(['2026-03-06T00:00:00.000Z', '2024-02-23T00:00:00.000Z']).toContain(date);
    expect(feed).toContain('<name>FO Justice CPIP</name>');
    expect(feed).toContain('<summary type="html"><![CDATA[ALIP du CP de Longuenesse et ALIP MO de Béthune]]></summary>');
  });

  it('writes a sitemap of the index and every page', async () => {
    const map = await readFile(join(out, 'sitemap.xml'), 'utf8');
    expect(wellFormed(map)).toBe(true);
    expect([...map.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1])).toEqual([`${BASE}index.html`, `${BASE}${CGT}/index.html`, `${BASE}${FO}/index.html`]);
  });

  it('a second build renders nothing, touches no file, and every byte is the same', async () => {
    const before = await tree(out);
    const times = await mtimes(out);
    const second = await build([input], out, { baseUrl: BASE });
    expect(second.code).toBe(0);
    expect(second.out).toBe(`2 visits, 0 rendered, 2 unchanged → ${out}/\n`);
    expect(treeHash(await tree(out))).toBe(treeHash(before));
    expect(await mtimes(out)).toEqual(times);
    // The manifest lists each visit with the hash of its inputs.
    const manifest = JSON.parse(await readFile(join(out, '.visite-build.json'), 'utf8')) as { visits: Record<string, { hash: string }> };
    expect(Object.keys(manifest.visits)).toEqual([FO, CGT]);
  });

  it('renders again a visit whose file is missing from the output', async () => {
    await rm(join(out, CGT, `${CGT}.pdf`));
    const again = await build([input], out, { baseUrl: BASE });
    expect(again.out).toBe(`2 visits, 1 rendered, 1 unchanged → ${out}/\n`);
    expect((await readFile(join(out, CGT, `${CGT}.pdf`))).subarray(0, 4).toString()).toBe('%PDF');
  });

  it('after an edit, renders only the edited visit, and gives the same bytes as a fresh build', async () => {
    const times = await mtimes(out);
    const file = join(input, `${FO}.yaml`);
    await writeFile(file, (await readFile(file, 'utf8')).replace(`title: ${FO_TITLE}`, 'title: Visite du SPIP 62, titre corrigé'));
    const edited = await build([input], out, { baseUrl: BASE });
    expect(edited.code).toBe(0);
    expect(edited.out).toBe(`2 visits, 1 rendered, 1 unchanged → ${out}/\n`);
    const now = await mtimes(out);
    for (const f of [`${CGT}/index.html`, `${CGT}/${CGT}.pdf`, `${CGT}/${CGT}.md`]) expect(now.get(f), f).toBe(times.get(f));
    for (const f of [`${FO}/index.html`, `${FO}/${FO}.pdf`, 'index.html']) expect(now.get(f), f).not.toBe(times.get(f));
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('Visite du SPIP 62, titre corrigé');
    expect(await readFile(join(out, FO, 'index.html'), 'utf8')).toContain('<title>Visite du SPIP 62, titre corrigé</title>');
    const fresh = join(dir, 'dist-fresh');
    expect((await build([input], fresh, { baseUrl: BASE })).code).toBe(0);
    expect(treeHash(await tree(out))).toBe(treeHash(await tree(fresh)));
  });

  it('removes the folder of a visit no longer in the input, and nothing it did not write', async () => {
    await writeFile(join(out, 'CNAME'), 'example.org\n');
    await mkdir(join(out, 'extra'));
    await writeFile(join(out, 'extra', 'keep.txt'), 'mine');
    await rm(join(input, `${CGT}.yaml`));
    const removed = await build([input], out, { baseUrl: BASE });
    expect(removed.out).toBe(`1 visit, 0 rendered, 1 unchanged → ${out}/\n`);
    await expect(stat(join(out, CGT))).rejects.toThrow();
    expect(await readFile(join(out, 'CNAME'), 'utf8')).toBe('example.org\n');
    expect(await readFile(join(out, 'extra', 'keep.txt'), 'utf8')).toBe('mine');
    expect(await readFile(join(out, 'index.html'), 'utf8')).not.toContain(CGT_TITLE);
    expect((await readFile(join(out, 'feed.xml'), 'utf8')).match(/<entry>/g)).toHaveLength(1);
    // The old stylesheet (it had the CGT's filter rules) is gone too: one stylesheet, the one linked.
    const assets = await readdir(join(out, 'assets'));
    expect(assets).toHaveLength(1);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain(`href="assets/${assets[0]}"`);
  });
});

describe('visite build: invalid visits', () => {
  let input: string;
  beforeAll(async () => {
    const broken = (await readFile(join(ROOT, 'visits', `${CGT}.yaml`), 'utf8')).replace('  kind: communique\n', '  kind: communique\n  titel: oups\n');
    input = await visitsDir('invalid', [FO], { [`${CGT}.yaml`]: broken });
  });

  it('stop the build: located problems, exit 1, nothing written', async () => {
    const out = join(dir, 'dist-invalid');
    const r = await build([input], out, { baseUrl: BASE });
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${join(input, `${CGT}.yaml`)}:8:3  error  Unknown key "titel".  [schema-unknown-key]`);
    expect(r.out).toContain('Nothing written: 1 invalid visit (see above). Fix them, or skip them with --keep-going.');
    await expect(stat(out)).rejects.toThrow();
  });

  it('with --keep-going, are left out and listed; the others are built; the exit code is still 1', async () => {
    const out = join(dir, 'dist-keep-going');
    const r = await build([input], out, { keepGoing: true, lang: 'fr' });
    expect(r.code).toBe(1);
    expect(r.out).toContain('[schema-unknown-key]');
    expect(r.out).toContain(`1 visite, 1 rendue, 0 inchangée → ${out}/ (flux et plan du site : donnez --base-url)\n`);
    expect(r.out).toContain(`Visites invalides laissées de côté : ${join(input, `${CGT}.yaml`)}.`);
    expect((await readdir(out)).sort()).toEqual(['.visite-build.json', FO, 'assets', 'index.html']);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain(FO_TITLE);
  });
});

describe('visite build: what delegates type is escaped', () => {
  it('escapes a title with markup in the index and the feed', async () => {
    const hostile = '<script>alert(1)</script> & "x" ]]> <b>y</b>';
    const text = (await readFile(join(ROOT, 'visits', `${CGT}.yaml`), 'utf8'))
      .replace(`title: ${CGT_TITLE}`, `title: ${JSON.stringify(hostile)}`);
    const input = await visitsDir('hostile', [], { 'hostile.yaml': text });
    const out = join(dir, 'dist-hostile');
    const r = await build([input], out, { baseUrl: BASE });
    expect(r.code, r.out).toBe(0);
    const index = await readFile(join(out, 'index.html'), 'utf8');
    expect(index).toContain('<a class="title" href="hostile/index.html">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; ]]&gt; &lt;b&gt;y&lt;/b&gt;</a>');
    expect(index).not.toMatch(/<script|<b>/i);
    const feed = await readFile(join(out, 'feed.xml'), 'utf8');
    expect(wellFormed(feed)).toBe(true);
    expect(feed).toContain('<![CDATA[&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; ]]&gt; &lt;b&gt;y&lt;/b&gt;]]>');
  });

  it('refuses an unusable --base-url and two files that would share a folder (usage, exit 2)', async () => {
    const input = await visitsDir('usage', [FO]);
    for (const base of ['example.org', 'ftp://example.org/', 'https://example.org/?q=1']) {
      const r = await build([input], join(dir, 'dist-usage'), { baseUrl: base });
      expect(r.code, base).toBe(2);
      expect(r.err).toContain('Address refused for --base-url');
    }
    await writeFile(join(input, `${FO.toUpperCase()}.yml`), await readFile(join(input, `${FO}.yaml`), 'utf8'));
    const clash = await build([input], join(dir, 'dist-usage'));
    expect(clash.code).toBe(2);
    expect(clash.err).toContain(`would give the same folder ${FO}/`);
    await expect(stat(join(dir, 'dist-usage'))).rejects.toThrow();
  });
});
