// `visite build` in a real browser (Debian's Chromium through playwright-core):
// the built folder served under a sub-path by a tiny static server proves the
// links are relative; the filters work without script; a page's PDF opens; the
// feed parses; and no page asks for anything outside the site.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../src/commands/build.js';
import { loadConfig } from '../src/config.js';
import { ROOT, tempDir } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const FO = '2024-01-24-spip62-fo-justice-cpip';
const CGT = '2026-02-05-spip62-cgt-ip';
const FO_TITLE = 'Compte-rendu de visite au SPIP du Pas-de-Calais';
const CGT_TITLE = 'InSERRE d’Arras, des zones d’ombre qui demeurent';
/** Where the site is served: not the server's root, as on a shared host. */
const SUB = '/archives/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.pdf': 'application/pdf',
  '.md': 'text/markdown; charset=utf-8', '.xml': 'application/xml; charset=utf-8',
};

/** A static server of `root` under SUB on 127.0.0.1; every path asked for is recorded. */
async function serve(root: string, asked: string[]): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    asked.push(path);
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (!path.startsWith(SUB)) return send(404, 'not found');
    let file = normalize(join(root, path.slice(SUB.length)));
    if (file !== root && !file.startsWith(root + sep)) return send(404, 'not found');
    void (async () => {
      if ((await stat(file).catch(() => undefined))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file).catch(() => undefined);
      if (!body) return send(404, 'not found');
      send(200, body, TYPES[extname(file)] ?? 'application/octet-stream');
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

// Chromium is required in CI; elsewhere its absence is said, and these tests skipped.
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  if (process.env.CI === 'true') {
    it('has Chromium at /usr/bin/chromium (required in CI: .ci/run installs it)', () => {
      expect.fail(`${CHROMIUM} is missing: the site cannot be tested in a browser`);
    });
  } else {
    console.warn(`site-browser.test.ts: ${CHROMIUM} not found, the built site is NOT tested in a browser (apt-get install chromium to run it).`);
  }
}

describe.skipIf(!hasChromium)('visite build, served under a sub-path, in Chromium (needs /usr/bin/chromium)', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let server: Server;
  let site: string;
  const asked: string[] = [];
  const requested: string[] = [];
  const problems: string[] = [];
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir('site-browser'));
    const input = join(dir, 'visits');
    await mkdir(input);
    for (const v of [FO, CGT]) await copyFile(join(ROOT, 'visits', `${v}.yaml`), join(input, `${v}.yaml`));
    const out = join(dir, 'dist');
    const config = (await loadConfig(undefined, dir)).config;
    const said: string[] = [];
    const code = await runBuild({
      paths: [input], out, baseUrl: 'https://example.org/archives/', keepGoing: false, internal: false, config, lang: 'en',
      color: false, progress: false, out_: (t) => said.push(t), err: (t) => said.push(t),
    });
    expect(code, said.join('')).toBe(0);
    let origin: string;
    ({ server, origin } = await serve(out, asked));
    site = `${origin}${SUB}`;
    profile = await mkdtemp(join(tmpdir(), 'visite-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    context.on('request', (r) => requested.push(r.url()));
    context.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
    context.on('weberror', (e) => problems.push(e.error().message));
  });
  afterAll(async () => {
    await context?.close();
    await new Promise((r) => server?.close(r));
    if (profile) await rm(profile, { recursive: true, force: true });
    await cleanup?.();
  });

  it('lists both visits, and a union’s filter narrows the list to its visit, without script', async () => {
    const page = await context.newPage();
    try {
      await page.goto(site);
      const visits = page.locator('li.visit');
      await expect.poll(() => visits.count()).toBe(2);
      expect(await page.locator('li.visit:visible').count()).toBe(2);
      expect(await visits.nth(0).locator('a.title').textContent()).toBe(CGT_TITLE);
      expect(await visits.nth(1).locator('a.title').textContent()).toBe(FO_TITLE);
      expect(await page.locator('script').count()).toBe(0);

      await page.locator('label[for="f-union-cgt-ip"]').click();
      await expect.poll(() => page.locator('li.visit:visible').count()).toBe(1);
      expect(await page.locator('li.visit:visible a.title').textContent()).toBe(CGT_TITLE);
      // The year left empty goes too.
      expect(await page.locator('section.year:visible h2').allTextContents()).toEqual(['2026']);

      await page.locator('label[for="f-site-alip-mo-de-bethune"]').click();
      await expect.poll(() => page.locator('li.visit:visible a.title').allTextContents()).toEqual([]);
      await page.locator('label[for="f-union--all"]').click();
      await expect.poll(() => page.locator('li.visit:visible a.title').allTextContents()).toEqual([FO_TITLE]);
      await page.locator('label[for="f-site--all"]').click();
      await expect.poll(() => page.locator('li.visit:visible').count()).toBe(2);
    } finally {
      await page.close();
    }
  });

  it('opens a visit’s page from the index; its PDF link answers a PDF; its nav leads back', async () => {
    const page = await context.newPage();
    try {
      await page.goto(`${site}index.html`);
      await page.locator('a.title', { hasText: FO_TITLE }).click();
      await page.waitForURL(`${site}${FO}/index.html`);
      expect(await page.locator('main h1').first().textContent()).toContain(FO_TITLE);
      const pdfHref = await page.locator('nav.site-nav a', { hasText: 'PDF' }).getAttribute('href');
      expect(pdfHref).toBe(`${FO}.pdf`);
      const pdf = await page.request.get(new URL(pdfHref!, page.url()).href);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const md = await page.request.get(new URL(`${FO}.md`, page.url()).href);
      expect(md.status()).toBe(200);
      expect(await md.text()).toContain(FO_TITLE);
      await page.locator('nav.site-nav a', { hasText: 'Tous les bulletins' }).click();
      await page.waitForURL(`${site}index.html`);
      expect(await page.locator('li.visit').count()).toBe(2);
    } finally {
      await page.close();
    }
  });

  it('has a feed that parses in the browser, with both visits', async () => {
    const page = await context.newPage();
    try {
      await page.goto(`${site}index.html`);
      const href = await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
      expect(href).toBe('feed.xml');
      // The page's policy forbids fetch(): the feed is fetched beside it, then parsed by the page's DOMParser.
      const feed = await page.request.get(new URL(href!, page.url()).href);
      expect(feed.status()).toBe(200);
      const parsed = await page.evaluate((xml) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        return {
          errors: doc.getElementsByTagName('parsererror').length,
          root: doc.documentElement.namespaceURI,
          titles: [...doc.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'entry')].map((e) => e.getElementsByTagName('title')[0]?.textContent),
        };
      }, await feed.text());
      expect(parsed).toEqual({ errors: 0, root: 'http://www.w3.org/2005/Atom', titles: [CGT_TITLE, FO_TITLE] });
    } finally {
      await page.close();
    }
  });

  it('never asked for anything outside the site, and nothing was refused or failed', () => {
    expect(requested.length).toBeGreaterThan(3);
    for (const url of requested) expect(url.startsWith(site) || url.startsWith('data:'), url).toBe(true);
    expect(asked.length).toBeGreaterThan(3);
    for (const path of asked) expect(path.startsWith(SUB), path).toBe(true);
    // The stylesheet was asked for (the filters depend on it), under the sub-path.
    expect(asked.some((p) => /^\/archives\/assets\/site\.[0-9a-f]{8}\.css$/.test(p))).toBe(true);
    expect(problems).toEqual([]);
  });
});
