/**
 * `visite publish FILE… --site URL [--status draft|publish|pending] [--dry-run]`:
 * each visit as a WordPress post (draft by default, so that a person reviews
 * it) with its PDF in the media library. Credentials come from the
 * environment or a credentials file outside the repository, never from the
 * command line or the visit file, and are never printed.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, extname, join, relative, resolve, isAbsolute } from 'node:path';
import { parse } from 'yaml';
import type { Config } from '../config.js';
import { failing, type Diagnostic } from '../diagnostics.js';
import { visitFilesOrExplain } from '../files.js';
import { formatPretty } from '../format/pretty.js';
import type { FileResult } from '../format/result.js';
import type { Lang } from '../messages.js';
import { PublishError, publish, type Publication } from '../publish/wordpress.js';
import { renderVisit, type RenderedVisit } from '../render/index.js';
import { validateFile } from '../validate/index.js';

export const STATUSES = ['draft', 'publish', 'pending'] as const;

export interface PublishCommandOptions {
  paths: string[];
  site: string;
  status: (typeof STATUSES)[number];
  dryRun: boolean;
  style?: string;
  timeoutMs?: number;
  config: Config;
  lang: Lang;
  color: boolean;
  env: NodeJS.ProcessEnv;
  out: (t: string) => void;
  err: (t: string) => void;
}

const words = {
  fr: {
    insecure: (site: string) => `Adresse refusée ${site} : seul https:// est accepté (http:// seulement pour 127.0.0.1 et localhost), pour ne pas envoyer le mot de passe en clair.`,
    badSite: (site: string) => `Adresse de site invalide « ${site} » : écrivez p. ex. https://www.exemple.fr.`,
    noCredentials: 'Identifiants WordPress introuvables : définissez VISITE_WP_USER et VISITE_WP_APP_PASSWORD (mot de passe d’application), ou un fichier ~/.config/visite/credentials.yaml (voir le README).',
    credentialsInRepo: (p: string) => `Le fichier d’identifiants ${p} est dans le dossier du projet : placez-le hors du dépôt (p. ex. ~/.config/visite/credentials.yaml).`,
    dry: 'Essai à blanc : rien n’est envoyé.',
    done: (n: number, f: number) => `${n} bulletin${n > 1 ? 's' : ''} publié${n > 1 ? 's' : ''}${f > 0 ? `, ${f} en échec` : ''}.`,
    wouldDo: (n: number) => `${n} bulletin${n > 1 ? 's' : ''} à publier (rien n’a été envoyé).`,
    created: 'créé', updated: 'mis à jour',
  },
  en: {
    insecure: (site: string) => `Address refused ${site}: only https:// is accepted (http:// only for 127.0.0.1 and localhost), so that the password never travels in clear.`,
    badSite: (site: string) => `Invalid site address "${site}": write e.g. https://www.example.org.`,
    noCredentials: 'WordPress credentials not found: set VISITE_WP_USER and VISITE_WP_APP_PASSWORD (an application password), or a ~/.config/visite/credentials.yaml file (see the README).',
    credentialsInRepo: (p: string) => `The credentials file ${p} is inside the project folder: keep it outside the repository (e.g. ~/.config/visite/credentials.yaml).`,
    dry: 'Dry run: nothing is sent.',
    done: (n: number, f: number) => `${n} bulletin${n !== 1 ? 's' : ''} published${f > 0 ? `, ${f} failed` : ''}.`,
    wouldDo: (n: number) => `${n} bulletin${n !== 1 ? 's' : ''} to publish (nothing was sent).`,
    created: 'created', updated: 'updated',
  },
};

/** Plain http is only for a WordPress on this machine (tests, a local copy). */
export function siteAllowed(site: string): 'ok' | 'insecure' | 'invalid' {
  let url: URL;
  try {
    url = new URL(site);
  } catch {
    return 'invalid';
  }
  if (url.protocol === 'https:') return 'ok';
  if (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return 'ok';
  return url.protocol === 'http:' ? 'insecure' : 'invalid';
}

/** Credentials: the environment first, then the credentials file (outside the project). */
async function credentials(site: string, env: NodeJS.ProcessEnv): Promise<{ user: string; password: string } | { error: 'missing' } | { error: 'in-repo'; path: string }> {
  if (env.VISITE_WP_USER && env.VISITE_WP_APP_PASSWORD) return { user: env.VISITE_WP_USER, password: env.VISITE_WP_APP_PASSWORD };
  const path = resolve(env.VISITE_CREDENTIALS ?? join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'visite', 'credentials.yaml'));
  const rel = relative(process.cwd(), path);
  if (!rel.startsWith('..') && !isAbsolute(rel)) return { error: 'in-repo', path };
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return { error: 'missing' };
  const sites = ((parse(text) ?? {}) as { sites?: Record<string, { user?: string; password?: string }> }).sites ?? {};
  const entry = sites[site] ?? sites[site.replace(/\/+$/, '')] ?? sites[`${site.replace(/\/+$/, '')}/`];
  return entry?.user && entry.password ? { user: entry.user, password: entry.password } : { error: 'missing' };
}

/** The publication of a rendered visit. */
export function publication(rendered: RenderedVisit, file: string, html: string, pdf: Uint8Array, status: Publication['status']): Publication {
  const fm = rendered.frontMatter;
  const slug = basename(file, extname(file)).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  const firstParagraph = /<p>([\s\S]*?)<\/p>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '') ?? '';
  return {
    slug,
    title: String(fm.title),
    html,
    excerpt: String(fm.description ?? firstParagraph).slice(0, 300),
    date: String(fm.date),
    status,
    categories: [String(fm.union), ...(fm.services as string[])],
    tags: [...(fm.sites as string[]), ...(fm.tags as string[])],
    pdf,
    pdfName: `visite-${slug}.pdf`,
    linkText: 'Télécharger le bulletin (PDF)',
  };
}

/** Publishes the visits; returns 0 (all published), 1 (some failed) or 2 (usage). */
export async function runPublish(o: PublishCommandOptions): Promise<number> {
  const w = words[o.lang];
  const allowed = siteAllowed(o.site);
  if (allowed !== 'ok') {
    o.err(`visite: ${allowed === 'insecure' ? w.insecure(o.site) : w.badSite(o.site)}\n`);
    return 2;
  }
  let creds: { user: string; password: string } | undefined;
  if (!o.dryRun) {
    const found = await credentials(o.site, o.env);
    if ('error' in found) {
      o.err(`visite: ${found.error === 'in-repo' ? w.credentialsInRepo(found.path) : w.noCredentials}\n`);
      return 2;
    }
    creds = found;
  }
  const files = await visitFilesOrExplain(o.paths, o.lang, o.err);
  if (!files) return 2;
  if (o.dryRun) o.out(`${w.dry}\n`);
  const { exportBytes } = await import('../export/index.js');
  const reports: FileResult[] = [];
  let published = 0;
  for (const path of files) {
    const file = await validateFile(path, o.config.ratios);
    const diagnostics: Diagnostic[] = [...file.diagnostics];
    if (!failing(diagnostics)) {
      // Public rendering only: internal values never reach WordPress.
      const { result, diagnostics: problems } = await renderVisit(file, {
        style: o.style, defaultStyle: o.config.style, templateDirs: o.config.templateDirs, ratios: o.config.ratios,
      });
      diagnostics.push(...problems);
      if (result) {
        const html = String(await exportBytes(result, 'html', { fragment: true }));
        const pdf = await exportBytes(result, 'pdf') as Uint8Array;
        const p = publication(result, path, html, pdf, o.status);
        if (o.dryRun) {
          o.out([
            `POST ${o.site.replace(/\/+$/, '')}/wp-json/wp/v2/media  ${p.pdfName} (${p.pdf.length} octets/bytes, application/pdf)`,
            `POST ${o.site.replace(/\/+$/, '')}/wp-json/wp/v2/posts  ${JSON.stringify({ slug: p.slug, title: p.title, status: p.status, date: p.date, categories: p.categories, tags: p.tags, excerpt: p.excerpt, content: `${p.html.length} caractères/characters + lien PDF` })}`,
            '',
          ].join('\n'));
          published++;
        } else {
          try {
            const done = await publish(p, { site: o.site, user: creds!.user, password: creds!.password, ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}) });
            o.out(`${done.action === 'created' ? 'created' : 'updated'}  ${done.link}  ${path}  (${done.action === 'created' ? w.created : w.updated})\n`);
            published++;
          } catch (error) {
            if (!(error instanceof PublishError)) throw error;
            diagnostics.push({ code: error.code, severity: 'error', file: path, source: 'write', params: { step: error.step, detail: error.detail, site: o.site } });
          }
        }
      }
    }
    if (failing(diagnostics)) reports.push({ file: path, text: file.text, diagnostics, valid: false });
  }
  if (reports.length > 0) o.out(formatPretty(reports, o.lang, o.color));
  o.out(`${o.dryRun && reports.length === 0 ? w.wouldDo(published) : w.done(published, reports.length)}\n`);
  return reports.length > 0 ? 1 : 0;
}
