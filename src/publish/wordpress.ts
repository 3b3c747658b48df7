/**
 * A small WordPress REST client for publishing one bulletin: the PDF in the
 * media library, then the post (HTML, excerpt, date, categories, tags).
 * Idempotent: the post is found again by its slug and the PDF by its title
 * and content hash, so publishing twice — or again after a failure —
 * updates instead of duplicating. Credentials go in one header, never in a
 * message.
 */
import { createHash } from 'node:crypto';
import { escapeXml as escapeHtml } from '../export/escape.js';

/** Where a publication failed, for the message. */
export type PublishStep = 'connect' | 'auth' | 'media' | 'terms' | 'post' | 'cleanup';

/** A failure a webmaster can act on. */
export class PublishError extends Error {
  constructor(
    readonly code: 'publish-auth' | 'publish-not-wordpress' | 'publish-rest-disabled' | 'publish-timeout' | 'publish-http',
    readonly step: PublishStep,
    readonly detail: string,
  ) {
    super(`${code} at ${step}: ${detail}`);
    this.name = 'PublishError';
  }
}

/** What one bulletin needs on the site. */
export interface Publication {
  slug: string;
  title: string;
  html: string;
  excerpt: string;
  /** The report's date, YYYY-MM-DD. */
  date: string;
  status: 'draft' | 'publish' | 'pending';
  categories: string[];
  tags: string[];
  pdf: Uint8Array;
  pdfName: string;
  linkText: string;
}

/** The outcome of one publication. */
export interface Published {
  action: 'created' | 'updated';
  postId: number;
  link: string;
  mediaId: number;
  mediaUrl: string;
}

interface Client {
  site: string;
  auth: string;
  timeoutMs: number;
  fetch: typeof fetch;
}

/** Turns a site URL into its REST base, accepting a trailing slash. */
function api(client: Client, route: string): string {
  return `${client.site.replace(/\/+$/, '')}/wp-json/wp/v2/${route}`;
}

async function call(client: Client, step: PublishStep, method: string, url: string, body?: BodyInit, headers: Record<string, string> = {}): Promise<unknown> {
  let response: Response;
  try {
    response = await client.fetch(url, {
      method, body, redirect: 'follow',
      headers: { Authorization: client.auth, Accept: 'application/json', ...headers },
      signal: AbortSignal.timeout(client.timeoutMs),
    });
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string; errors?: { code?: string }[] } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') throw new PublishError('publish-timeout', step, `${method} ${url}`);
    // Connection refused, unknown host…: the underlying reason, not undici's "fetch failed".
    throw new PublishError('publish-http', step, e.cause?.code ?? e.cause?.errors?.[0]?.code ?? e.cause?.message ?? e.message);
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    throw new PublishError('publish-not-wordpress', step, `${response.status} ${response.headers.get('content-type') ?? ''}`.trim());
  }
  if (!response.ok) {
    const code = (json as { code?: string } | null)?.code ?? String(response.status);
    if (response.status === 401 || code === 'rest_not_logged_in' || code === 'rest_cannot_create' || code === 'incorrect_password') {
      throw new PublishError('publish-auth', step, code);
    }
    if (code === 'rest_disabled' || code === 'rest_no_route' || response.status === 403) throw new PublishError('publish-rest-disabled', step, code);
    throw new PublishError('publish-http', step, `${response.status} ${code}`);
  }
  return json;
}

/** The id of a category or tag by name, created when missing. */
async function termId(client: Client, taxonomy: 'categories' | 'tags', name: string): Promise<number> {
  const found = (await call(client, 'terms', 'GET', `${api(client, taxonomy)}?search=${encodeURIComponent(name)}&per_page=100&context=edit`)) as { id: number; name: string }[];
  const decode = (s: string): string => s.replace(/&amp;/g, '&').replace(/&#0?39;|&#8217;/g, '’').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  const exact = found.find((t) => decode(t.name).replace(/'/g, '’') === name.replace(/'/g, '’'));
  if (exact) return exact.id;
  try {
    const created = (await call(client, 'terms', 'POST', api(client, taxonomy), JSON.stringify({ name }), { 'Content-Type': 'application/json' })) as { id: number };
    return created.id;
  } catch (error) {
    // Created meanwhile (term_exists): WordPress says which term it is.
    if (error instanceof PublishError && error.detail.includes('term_exists')) {
      const again = (await call(client, 'terms', 'GET', `${api(client, taxonomy)}?search=${encodeURIComponent(name)}&per_page=100`)) as { id: number; name: string }[];
      if (again[0]) return again[0].id;
    }
    throw error;
  }
}

interface Media { id: number; source_url: string; title: { raw?: string; rendered: string }; description: { raw?: string } }

/** Uploads the PDF unless the same bytes are already there; returns the media and the stale copies to remove. */
async function ensureMedia(client: Client, p: Publication): Promise<{ media: Media; stale: Media[] }> {
  const key = `visite-${p.slug}`;
  const hash = `sha256:${createHash('sha256').update(p.pdf).digest('hex')}`;
  const list = (await call(client, 'media', 'GET', `${api(client, 'media')}?search=${encodeURIComponent(key)}&per_page=100&context=edit`)) as Media[];
  const mine = list.filter((m) => (m.title.raw ?? m.title.rendered) === key);
  const same = mine.find((m) => (m.description.raw ?? '').includes(hash));
  if (same) return { media: same, stale: mine.filter((m) => m !== same) };
  const uploaded = (await call(client, 'media', 'POST', api(client, 'media'), Buffer.from(p.pdf), {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="${p.pdfName.replace(/[^A-Za-z0-9._-]/g, '-')}"`,
  })) as Media;
  const media = (await call(client, 'media', 'POST', `${api(client, 'media')}/${uploaded.id}`, JSON.stringify({ title: key, description: hash, alt_text: p.title }), { 'Content-Type': 'application/json' })) as Media;
  return { media, stale: mine };
}

/** Publishes (creates or updates) one bulletin. Throws PublishError naming the step that failed. */
export async function publish(p: Publication, options: { site: string; user: string; password: string; timeoutMs?: number; fetch?: typeof fetch }): Promise<Published> {
  const client: Client = {
    site: options.site,
    auth: `Basic ${Buffer.from(`${options.user}:${options.password}`).toString('base64')}`,
    timeoutMs: options.timeoutMs ?? 30_000,
    fetch: options.fetch ?? fetch,
  };
  // A wrong application password is not refused by WordPress: the request
  // just runs anonymously. Asking who we are tells the two apart first.
  await call(client, 'auth', 'GET', `${api(client, 'users/me')}?context=edit`);
  const { media, stale } = await ensureMedia(client, p);
  const categories = await Promise.all(p.categories.map((c) => termId(client, 'categories', c)));
  const tags = await Promise.all(p.tags.map((t) => termId(client, 'tags', t)));
  const content = `${p.html}\n<p class="visite-pdf"><a href="${escapeHtml(media.source_url)}">${escapeHtml(p.linkText)}</a></p>\n`;
  const body = JSON.stringify({
    title: p.title, slug: p.slug, content, excerpt: p.excerpt, status: p.status, date: `${p.date}T09:00:00`, categories, tags,
  });
  const existing = (await call(client, 'post', 'GET', `${api(client, 'posts')}?slug=${encodeURIComponent(p.slug)}&status=publish,future,draft,pending,private&context=edit`)) as { id: number }[];
  const target = existing[0];
  const post = (await call(client, 'post', 'POST', target ? `${api(client, 'posts')}/${target.id}` : api(client, 'posts'), body, { 'Content-Type': 'application/json' })) as { id: number; link: string };
  // Old copies of the PDF go only once the post points at the new one.
  for (const old of stale) {
    if (old.id !== media.id) await call(client, 'cleanup', 'DELETE', `${api(client, 'media')}/${old.id}?force=true`);
  }
  return { action: target ? 'updated' : 'created', postId: post.id, link: post.link, mediaId: media.id, mediaUrl: media.source_url };
}
