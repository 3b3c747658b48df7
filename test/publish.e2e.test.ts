// `visite publish` end to end: the real CLI (`node bin/visite.js`) against a real
// WordPress (Debian's packages, started by scripts/wordpress/start.sh on
// 127.0.0.1), read back through the REST API. WordPress is required in CI
// (.ci/run installs it); elsewhere its absence is said, and these tests skipped.
import { readFileSync } from 'node:fs';
import { copyFile, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, STACK_TRACE, runCli, tempDir, type Run } from './helpers.js';
import { decodeEntities, links, Rest, type Media, type Post } from './wordpress/rest.js';
import { PACKAGES, portOpen, startWordPress, wordpressMissing, type WordPress } from './wordpress/server.js';

const FO = join(ROOT, 'visits/2024-01-24-spip62-fo-justice-cpip.yaml');
const CGT = join(ROOT, 'visits/2026-02-05-spip62-cgt-ip.yaml');
const VISITS = [
  { file: FO, title: 'Compte-rendu de visite au SPIP du Pas-de-Calais', date: '2024-02-23', union: 'FO Justice CPIP' },
  { file: CGT, title: 'InSERRE d’Arras, des zones d’ombre qui demeurent', date: '2026-03-06', union: 'CGT IP' },
] as const;
const SERVICE = 'SPIP du Pas-de-Calais';
/** The answer of a server that refuses to create or update a post (a firewall, a plugin, the database away). */
const POSTS_REFUSED = [{ method: 'POST', route: '#^/wp/v2/posts(/\\d+)?$#', status: 503, code: 'visite_test_fault', message: 'Service temporarily unavailable.' }] as const;
const CODED = /\[publish-[a-z-]+\]/;

const missing = wordpressMissing();
if (missing) {
  if (process.env.CI === 'true') {
    it(`has a WordPress to publish to (required in CI: .ci/run installs ${PACKAGES})`, () => {
      expect.fail(`the publish end-to-end tests cannot run: ${missing}`);
    });
  } else {
    console.warn(`publish.e2e.test.ts: ${missing}. Publishing to a real WordPress is NOT tested.`);
  }
}

/** Starts a WordPress, or fails saying why (the machine was checked above). */
async function started(): Promise<WordPress> {
  const wp = await startWordPress();
  if ('skipped' in wp) throw new Error(`WordPress could not start: ${wp.skipped}`);
  return wp;
}

/** Whether the process still runs (a zombie waiting for PID 1 to reap it does not). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Everything the CLI said. */
const said = (r: Run): string => r.stdout + r.stderr;

describe.skipIf(missing !== null)('the test WordPress (scripts/wordpress/start.sh, stop.sh)', () => {
  it('starts, answers the REST API to the application password only, and stops leaving nothing behind', async () => {
    const wp = await started();
    try {
      expect(wp.url).toBe(`http://127.0.0.1:${wp.port}`);
      expect(wp.user).toBe('admin');
      expect(wp.appPassword).toMatch(/^[A-Za-z0-9]{24}$/);
      const rest = new Rest(wp.url, { user: wp.user, password: wp.appPassword });

      const me = await rest.get<{ slug: string }>('/wp/v2/users/me');
      expect(me.status).toBe(200);
      expect(me.body.slug).toBe('admin');
      // A wrong application password is not refused: the request runs anonymously.
      const wrong = await new Rest(wp.url, { user: 'admin', password: 'abcd efgh ijkl mnop qrst uvwx' }).get<{ code: string }>('/wp/v2/users/me');
      expect(wrong.status).toBe(401);
      expect(wrong.body.code).toBe('rest_not_logged_in');
      expect((await rest.counts()).media).toBe(0);

      // The media library: an upload is served back byte for byte, as application/pdf.
      const pdf = Buffer.from('%PDF-1.4\n% visite harness\n%%EOF\n');
      const up = await fetch(rest.url('/wp/v2/media'), {
        method: 'POST',
        headers: { ...rest.headers(), 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="harness.pdf"' },
        body: pdf,
      });
      const media = await up.json() as Media;
      expect(up.status, JSON.stringify(media)).toBe(201);
      const back = await fetch(media.source_url);
      expect(back.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await back.arrayBuffer()).equals(pdf)).toBe(true);

      // Faults: a refused route answers the rule's error until the faults are cleared.
      await wp.setFaults([{ method: 'GET', route: '#^/wp/v2/users/me$#', status: 503 }]);
      const refused = await rest.get<{ code: string }>('/wp/v2/users/me');
      expect([refused.status, refused.body.code]).toEqual([503, 'visite_test_fault']);
      expect(readFileSync(join(wp.state, 'faults', 'faults.log'), 'utf8')).toMatch(/GET \/wp\/v2\/users\/me -> 503/);
      await wp.setFaults(null);
      expect((await rest.get('/wp/v2/users/me')).status).toBe(200);
    } finally {
      const pids = ['apache.pid', 'mariadb.pid'].map((f) => Number(readFileSync(join(wp.state, f), 'utf8').trim()));
      expect(pids.every(alive)).toBe(true);
      await wp.stop();
      expect(await portOpen(wp.port)).toBe(false);
      expect(pids.filter(alive)).toEqual([]);
      expect(() => readFileSync(wp.configFile)).toThrow();
      expect(() => readFileSync(join(wp.state, 'apache2.conf'))).toThrow();
    }
  }, 60_000);
});

describe.skipIf(missing !== null)('visite publish to a real WordPress', () => {
  let wp: WordPress;
  let rest: Rest;
  let scratch: { dir: string; cleanup: () => Promise<void> };

  beforeAll(async () => {
    scratch = await tempDir('publish');
    wp = await started();
    rest = new Rest(wp.url, { user: wp.user, password: wp.appPassword });
  }, 60_000);
  afterAll(async () => {
    await wp?.stop();
    await scratch?.cleanup();
  });

  /** `visite publish FILES --site URL ...extra`, with the application password in the environment. */
  function publish(files: readonly string[], extra: string[] = [], env: Record<string, string | undefined> = {}): Promise<Run> {
    return runCli(['publish', ...files, '--site', wp.url, ...extra], {
      env: {
        VISITE_WP_USER: wp.user,
        VISITE_WP_APP_PASSWORD: wp.appPassword,
        // Never a developer's own credentials file.
        XDG_CONFIG_HOME: join(scratch.dir, 'config'),
        VISITE_CREDENTIALS: undefined,
        ...env,
      },
    });
  }

  /** The posts `visite publish` made (the site's own sample post is published, these are drafts). */
  const drafts = (): Promise<Post[]> => rest.list<Post>('/wp/v2/posts', { status: 'draft' });

  /** The PDF a post's content links to: a media of the library, served as a PDF. */
  async function linkedPdf(post: Post, media: Media[]): Promise<Media> {
    const pdfs = links(post.content.raw ?? post.content.rendered).filter((href) => /\.pdf$/i.test(new URL(href, wp.url).pathname));
    expect(pdfs, post.content.raw).toHaveLength(1);
    const item = media.find((m) => m.source_url === pdfs[0]);
    expect(item, `${pdfs[0]} is not in the media library: ${media.map((m) => m.source_url).join(', ')}`).toBeDefined();
    expect(item!.mime_type).toBe('application/pdf');
    const res = await fetch(new URL(pdfs[0]!, wp.url));
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    return item!;
  }

  it('--dry-run says what would be sent, without the password, and sends nothing', async () => {
    const before = await rest.counts();
    const run = await publish([FO, CGT], ['--dry-run']);
    expect(run.code, said(run)).toBe(0);
    expect(run.stdout).toContain(VISITS[0].title);
    expect(said(run)).not.toContain(wp.appPassword);
    expect(said(run)).not.toContain(Buffer.from(`${wp.user}:${wp.appPassword}`).toString('base64'));
    expect(said(run)).not.toMatch(STACK_TRACE);
    expect(await rest.counts()).toEqual(before);
  }, 60_000);

  it('with a wrong application password: exit 1, a coded message, nothing created', async () => {
    const before = await rest.counts();
    const wrong = 'abcd efgh ijkl mnop qrst uvwx';
    const run = await publish([FO, CGT], [], { VISITE_WP_APP_PASSWORD: wrong });
    expect(run.code, said(run)).toBe(1);
    expect(said(run)).toMatch(CODED);
    expect(said(run)).not.toMatch(STACK_TRACE);
    expect(said(run)).not.toContain(wrong);
    expect(said(run)).not.toMatch(/^(created|updated)\s/m);
    expect(await rest.counts()).toEqual(before);
  }, 60_000);

  let first: Post[] = [];
  let firstMedia: Media[] = [];

  it('publishes both visits as drafts: title, date, terms, excerpt, and a link to the PDF in the media library', async () => {
    const before = await rest.counts();
    const run = await publish([FO, CGT]);
    expect(run.code, said(run)).toBe(0);
    for (const v of VISITS) expect(run.stdout).toMatch(new RegExp(`^created\\s+http://127\\.0\\.0\\.1:${wp.port}/\\S*\\s.*${basename(v.file).replace(/\./g, '\\.')}`, 'm'));
    expect(run.stdout).not.toMatch(/^updated\s/m);

    first = await drafts();
    expect(first).toHaveLength(2);
    firstMedia = await rest.media();
    expect(firstMedia).toHaveLength(before.media + 2);
    expect((await rest.counts()).posts).toBe(before.posts + 2);
    const categories = await rest.categories();
    const tags = await rest.tags();
    const name = (id: number): string => decodeEntities([...categories, ...tags].find((t) => t.id === id)?.name ?? `#${id}`);
    const pdfs = new Set<number>();
    for (const v of VISITS) {
      const post = first.find((p) => decodeEntities(p.title.raw ?? p.title.rendered) === v.title);
      expect(post, `no draft titled ${v.title}: ${first.map((p) => p.title.raw).join(' | ')}`).toBeDefined();
      expect(post!.status).toBe('draft');
      expect(post!.date.startsWith(v.date), post!.date).toBe(true);
      expect(run.stdout).toContain(post!.link);
      expect(decodeEntities(post!.excerpt.raw ?? post!.excerpt.rendered).trim()).not.toBe('');
      expect(post!.categories.map(name)).toEqual(expect.arrayContaining([v.union, SERVICE]));
      expect(post!.tags.length).toBeGreaterThan(0);
      // The bulletin's body, sanitised: no script reaches WordPress.
      expect(post!.content.raw).toMatch(/<(p|h2|ul|table)\b/);
      expect(post!.content.raw).not.toMatch(/<script|\son\w+=/i);
      pdfs.add((await linkedPdf(post!, firstMedia)).id);
    }
    expect(pdfs.size).toBe(2);
    expect(new Set(first.map((p) => p.slug)).size).toBe(2);
  }, 60_000);

  it('publishing again updates the same posts and media: no duplicate', async () => {
    expect(first, 'needs the previous test').toHaveLength(2);
    const before = await rest.counts();
    const run = await publish([FO, CGT]);
    expect(run.code, said(run)).toBe(0);
    for (const v of VISITS) expect(run.stdout).toMatch(new RegExp(`^updated\\s+http://127\\.0\\.0\\.1:${wp.port}/\\S*\\s.*${basename(v.file).replace(/\./g, '\\.')}`, 'm'));
    expect(run.stdout).not.toMatch(/^created\s/m);
    expect(await rest.counts()).toEqual(before);
    const again = await drafts();
    expect(again.map((p) => [p.id, p.slug]).sort()).toEqual(first.map((p) => [p.id, p.slug]).sort());
    const media = await rest.media();
    expect(media).toHaveLength(firstMedia.length);
    for (const post of again) await linkedPdf(post, media);
  }, 60_000);

  it('a post refused after the PDF was sent: exit 1 naming the step; once repaired, a retry finishes with no duplicate media', async () => {
    // A third visit (the FO one under another file name, so another slug), while the
    // server refuses to create or update posts: 503, as a firewall, a plugin or a database away would.
    const visit = join(scratch.dir, '2024-01-24-spip62-fo-justice-cpip-retry.yaml');
    await copyFile(FO, visit);
    const before = await rest.counts();
    await wp.setFaults([...POSTS_REFUSED]);
    let failed: Run;
    try {
      failed = await publish([visit]);
    } finally {
      await wp.setFaults(null);
    }
    expect(failed.code, said(failed)).toBe(1);
    expect(said(failed)).toMatch(CODED);
    expect(said(failed)).not.toMatch(STACK_TRACE);
    expect(said(failed)).not.toMatch(/^created\s/m);
    // The fault was met: the server did refuse a post.
    expect(await readFile(join(wp.state, 'faults', 'faults.log'), 'utf8')).toMatch(/POST \/wp\/v2\/posts/);
    const between = await rest.counts();
    expect(between.posts).toBe(before.posts);
    expect(between.media).toBeLessThanOrEqual(before.media + 1);

    const retry = await publish([visit]);
    expect(retry.code, said(retry)).toBe(0);
    expect(retry.stdout).toMatch(/^created\s+http:\/\/127\.0\.0\.1:\d+\/\S*\s.*-retry\.yaml/m);
    const after = await rest.counts();
    expect(after.posts).toBe(before.posts + 1);
    expect(after.media).toBe(before.media + 1);
    const post = (await drafts()).find((p) => !first.some((f) => f.id === p.id));
    expect(post).toBeDefined();
    await linkedPdf(post!, await rest.media());
  }, 60_000);

  it('left the site’s own sample post alone', async () => {
    const published = await rest.list<Post>('/wp/v2/posts', { status: 'publish' });
    expect(published).toHaveLength(1);
    expect(published[0]!.id).toBe(1);
  });
});
