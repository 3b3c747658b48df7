/** Reading a WordPress back through its REST API, as the tests check what `visite publish` did. */

export interface Credentials {
  user: string;
  password: string;
}

export interface Rendered {
  raw?: string;
  rendered: string;
}

export interface Post {
  id: number;
  date: string;
  date_gmt: string;
  slug: string;
  status: string;
  link: string;
  title: Rendered;
  content: Rendered;
  excerpt: Rendered;
  categories: number[];
  tags: number[];
}

export interface Media {
  id: number;
  slug: string;
  source_url: string;
  mime_type: string;
  post: number | null;
  title: Rendered;
}

export interface Term {
  id: number;
  name: string;
  slug: string;
  count: number;
}

/** Every status a post can have, for counting them all. */
export const ALL_STATUSES = 'publish,future,draft,pending,private';

/** A REST client on `site` (http://host:port), with Basic auth when credentials are given. */
export class Rest {
  constructor(readonly site: string, readonly credentials?: Credentials) {}

  url(route: string, query: Record<string, string | number> = {}): string {
    const url = new URL(`${this.site.replace(/\/+$/, '')}/wp-json${route}`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
    return url.toString();
  }

  headers(): Record<string, string> {
    if (!this.credentials) return {};
    const token = Buffer.from(`${this.credentials.user}:${this.credentials.password}`).toString('base64');
    return { authorization: `Basic ${token}` };
  }

  /** GET a route; the status, the parsed body and the headers. */
  async get<T = unknown>(route: string, query: Record<string, string | number> = {}): Promise<{ status: number; body: T; headers: Headers }> {
    const res = await fetch(this.url(route, query), { headers: this.headers() });
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`GET ${route}: ${res.status}, not JSON: ${text.slice(0, 300)}`);
    }
    return { status: res.status, body: body as T, headers: res.headers };
  }

  /** GET a collection (at most 100 items, which is all these tests create), failing on any status but 200. */
  async list<T>(route: string, query: Record<string, string | number> = {}): Promise<T[]> {
    const { status, body } = await this.get<T[]>(route, { per_page: 100, context: 'edit', ...query });
    if (status !== 200) throw new Error(`GET ${route}: ${status} ${JSON.stringify(body)}`);
    return body;
  }

  /** Every post, whatever its status. */
  posts(query: Record<string, string | number> = {}): Promise<Post[]> {
    return this.list<Post>('/wp/v2/posts', { status: ALL_STATUSES, ...query });
  }

  /** Every item of the media library. */
  media(): Promise<Media[]> {
    return this.list<Media>('/wp/v2/media');
  }

  categories(): Promise<Term[]> {
    return this.list<Term>('/wp/v2/categories', { hide_empty: 'false' });
  }

  tags(): Promise<Term[]> {
    return this.list<Term>('/wp/v2/tags', { hide_empty: 'false' });
  }

  /** How many posts, media, categories and tags the site has. */
  async counts(): Promise<{ posts: number; media: number; categories: number; tags: number }> {
    const [posts, media, categories, tags] = await Promise.all([this.posts(), this.media(), this.categories(), this.tags()]);
    return { posts: posts.length, media: media.length, categories: categories.length, tags: tags.length };
  }
}

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“',
  laquo: '«', raquo: '»', hellip: '…', ndash: '–', mdash: '—', eacute: 'é', egrave: 'è', agrave: 'à', ccedil: 'ç',
};

/** Decodes HTML character references (numeric, and the named ones WordPress writes). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** The href of every link of an HTML fragment, decoded. */
export function links(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*\bhref\s*=\s*("([^"]*)"|'([^']*)')/gi)].map((m) => decodeEntities(m[2] ?? m[3] ?? ''));
}
