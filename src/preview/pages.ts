/**
 * What `visite preview` shows: the bulletin exactly as `visite render`
 * writes it, or — when the visit cannot be rendered — a page listing the
 * located problems (no script, every piece of the file escaped); and the
 * preview's own page around it, which alone runs a script (its live reload).
 */
import type { Config } from '../config.js';
import type { Diagnostic } from '../diagnostics.js';
import { failing } from '../diagnostics.js';
import { exportBytes } from '../export/index.js';
import { codeFrame } from '../format/codeframe.js';
import { printable } from '../format/safe.js';
import { describe, ui, type Lang } from '../messages.js';
import { renderVisit } from '../render/index.js';
import { validateFile } from '../validate/index.js';

/** The words of the preview, in both languages. */
export const words = {
  fr: {
    serving: (file: string, url: string): string => `Aperçu de ${file} sur ${url} — Ctrl-C pour arrêter`,
    newest: (file: string): string => `Aucun fichier donné : aperçu de la visite la plus récente de visits/, ${file}.`,
    notFound: (file: string): string => `Fichier introuvable : ${file}.`,
    notAFile: (file: string): string => `${file} n’est pas un fichier de visite.`,
    noVisits: 'Aucun fichier donné, et aucune visite (.yaml) dans visits/.',
    fileHint: 'Donnez le fichier de la visite, p. ex. « visite preview visits/2024-01-24-spip62-fo-justice-cpip.yaml ».',
    portBusy: (port: number): string => `Le port ${port} est déjà utilisé : choisissez-en un autre.`,
    cannotListen: (reason: string): string => `Impossible d’ouvrir le serveur d’aperçu (${reason}).`,
    stopped: 'Aperçu arrêté.',
    updated: (time: string): string => `${time} bulletin à jour.`,
    updatedWarnings: (time: string, n: number): string => `${time} bulletin à jour, ${n} avertissement${n > 1 ? 's' : ''} :`,
    broken: (time: string, n: number): string => `${time} ${n} problème${n > 1 ? 's' : ''} : le bulletin ne peut pas être rendu.`,
    statusOk: 'Bulletin à jour',
    statusWarnings: (n: number): string => `Bulletin à jour — ${n} avertissement${n > 1 ? 's' : ''} (voir le terminal)`,
    statusBroken: (n: number): string => `${n} problème${n > 1 ? 's' : ''} à corriger`,
    statusLost: 'Aperçu arrêté : relancez « visite preview » pour le reprendre.',
    pageTitle: (file: string): string => `Aperçu — ${file}`,
    frameTitle: 'Bulletin',
    errorTitle: (file: string): string => `${file} : bulletin impossible à rendre`,
    errorLead: (n: number): string => `Le bulletin ne peut pas être rendu : ${n} problème${n > 1 ? 's' : ''} à corriger.`,
    errorNext: 'L’aperçu se met à jour tout seul dès que vous enregistrez le fichier corrigé.',
  },
  en: {
    serving: (file: string, url: string): string => `Previewing ${file} at ${url} — Ctrl-C to stop`,
    newest: (file: string): string => `No file given: previewing the newest visit in visits/, ${file}.`,
    notFound: (file: string): string => `File not found: ${file}.`,
    notAFile: (file: string): string => `${file} is not a visit file.`,
    noVisits: 'No file given, and no visit (.yaml) in visits/.',
    fileHint: 'Give the visit\'s file, e.g. "visite preview visits/2024-01-24-spip62-fo-justice-cpip.yaml".',
    portBusy: (port: number): string => `Port ${port} is already in use: choose another one.`,
    cannotListen: (reason: string): string => `Cannot open the preview server (${reason}).`,
    stopped: 'Preview stopped.',
    updated: (time: string): string => `${time} bulletin up to date.`,
    updatedWarnings: (time: string, n: number): string => `${time} bulletin up to date, ${n} warning${n !== 1 ? 's' : ''}:`,
    broken: (time: string, n: number): string => `${time} ${n} problem${n !== 1 ? 's' : ''}: the bulletin cannot be rendered.`,
    statusOk: 'Bulletin up to date',
    statusWarnings: (n: number): string => `Bulletin up to date — ${n} warning${n !== 1 ? 's' : ''} (see the terminal)`,
    statusBroken: (n: number): string => `${n} problem${n !== 1 ? 's' : ''} to fix`,
    statusLost: 'Preview stopped: run "visite preview" again to resume.',
    pageTitle: (file: string): string => `Preview — ${file}`,
    frameTitle: 'Bulletin',
    errorTitle: (file: string): string => `${file}: the bulletin cannot be rendered`,
    errorLead: (n: number): string => `The bulletin cannot be rendered: ${n} problem${n !== 1 ? 's' : ''} to fix.`,
    errorNext: 'The preview updates by itself as soon as you save the fixed file.',
  },
} as const;

/** Escapes text for HTML content and attribute values, and neutralises control characters. */
export function escapeHtml(text: string): string {
  return printable(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The policy of a bulletin, as its own `<meta>` states it: nothing runs, nothing loads from elsewhere. */
export const BULLETIN_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/** The policy of the preview's own page (in its `<meta>`): its one same-origin script, its event stream, its frame. */
const WRAPPER_META_CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; frame-src 'self'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** The same, as the HTTP header, which alone can also forbid framing the preview elsewhere. */
export const WRAPPER_CSP = `${WRAPPER_META_CSP}; frame-ancestors 'none'`;

/** What the preview serves at /bulletin for the file as it is now. */
export interface BulletinPage {
  /** True when this is the bulletin; false for the page of problems. */
  ok: boolean;
  html: string;
  /** Every problem found (warnings included when the bulletin could be rendered). */
  diagnostics: Diagnostic[];
  /** The file's text, for code frames. */
  text: string;
}

export interface BuildOptions {
  file: string;
  lang: Lang;
  config: Config;
  style?: string;
}

/** Validates and renders the visit, as `visite render` does; never throws. */
export async function buildBulletin(o: BuildOptions): Promise<BulletinPage> {
  const file = await validateFile(o.file, o.config.ratios);
  const diagnostics: Diagnostic[] = [...file.diagnostics];
  if (!failing(diagnostics)) {
    try {
      const { result, diagnostics: problems } = await renderVisit(file, {
        style: o.style, defaultStyle: o.config.style, templateDirs: o.config.templateDirs, ratios: o.config.ratios,
      });
      diagnostics.push(...problems);
      if (result && !failing(problems)) {
        const html = String(await exportBytes(result, 'html'));
        return { ok: true, html, diagnostics, text: file.text };
      }
    } catch (error) {
      // A template or renderer failure is reported like any other problem, never as a crash.
      diagnostics.push({
        code: 'template-error', severity: 'error', file: o.file, source: 'render',
        params: { style: o.style ?? '', detail: (error as Error)?.message?.split('\n')[0] ?? String(error) },
      });
    }
  }
  return { ok: false, html: errorPage(o.file, file.text, diagnostics, o.lang), diagnostics, text: file.text };
}

/** One problem as HTML: where, severity, message, code, the lines around it, the hint. */
function problemHtml(d: Diagnostic, file: string, text: string, lang: Lang): string {
  const { message, hint } = describe(d, lang);
  const where = d.place ? `${d.file}:${d.place.line}:${d.place.column}` : d.file;
  const parts = [
    `<li class="${d.severity}">`,
    `<p class="head"><code class="where">${escapeHtml(where)}</code> <strong class="severity">${escapeHtml(ui[lang].severity[d.severity])}</strong> `
      + `<span class="message">${escapeHtml(message)}</span> <code class="code">[${escapeHtml(d.code)}]</code></p>`,
  ];
  // The frame quotes the visit file: only for problems placed in it (a template's lines are not the visit's).
  if (d.place && text && d.file === file) {
    const rows = codeFrame(text, d.place).map((row) => {
      const mark = row.marker ? '>' : ' ';
      const line = `${mark} ${row.gutter} | ${row.line}`;
      const cls = row.marker ? ' class="at"' : row.line.trim().startsWith('^') ? ' class="caret"' : '';
      return `<span${cls}>${escapeHtml(line)}</span>`;
    });
    parts.push(`<pre class="frame">${rows.join('\n')}</pre>`);
  }
  if (hint) parts.push(`<p class="hint"><strong>${escapeHtml(ui[lang].hint)}</strong> ${escapeHtml(hint)}</p>`);
  parts.push('</li>');
  return parts.join('\n');
}

const errorStyle = `
html { font-family: system-ui, sans-serif; color: #1a1a1a; line-height: 1.45; }
body { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.4rem; color: #a40000; }
ol { padding-left: 1.2rem; }
li { margin: 0 0 1.2rem; }
li.error .severity { color: #a40000; }
li.warning .severity { color: #8a5a00; }
code.where { font-weight: bold; }
code.code { color: #555; }
pre.frame { background: #f6f6f6; border-left: 3px solid #ccc; padding: .5rem .8rem; overflow-x: auto; }
pre.frame .at { font-weight: bold; }
pre.frame .caret { color: #a40000; }
.hint { color: #124a8a; }
`.trim();

/** The start of a preview page, to the end of its head: language, title, policy, style, and what else the head holds. */
function pageHead(lang: Lang, title: string, csp: string, style: string, ...more: string[]): string[] {
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${style}</style>`,
    ...more,
    '</head>',
  ];
}

/** A page listing a visit's problems: no script, every text escaped. */
export function errorPage(file: string, text: string, diagnostics: readonly Diagnostic[], lang: Lang): string {
  const w = words[lang];
  const errors = diagnostics.filter((d) => d.severity === 'error').length || diagnostics.length;
  return [
    ...pageHead(lang, w.errorTitle(file), "default-src 'none'; style-src 'unsafe-inline'", errorStyle),
    '<body>',
    `<h1>${escapeHtml(w.errorTitle(file))}</h1>`,
    `<p>${escapeHtml(w.errorLead(errors))}</p>`,
    '<ol class="problems">',
    ...diagnostics.map((d) => problemHtml(d, file, text, lang)),
    '</ol>',
    `<p class="next">${escapeHtml(w.errorNext)}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The status line the preview's page shows for a state of the file. */
export function statusOf(page: Pick<BulletinPage, 'ok' | 'diagnostics'>, lang: Lang): { ok: boolean; text: string } {
  const w = words[lang];
  const warnings = page.diagnostics.filter((d) => d.severity === 'warning').length;
  if (page.ok) return { ok: true, text: warnings > 0 ? w.statusWarnings(warnings) : w.statusOk };
  const errors = page.diagnostics.filter((d) => d.severity === 'error').length || page.diagnostics.length;
  return { ok: false, text: w.statusBroken(errors) };
}

const wrapperStyle = `
html, body { margin: 0; height: 100%; }
body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
#bar { display: flex; gap: 1rem; align-items: baseline; padding: .3rem .8rem; font-size: .85rem; background: #1f2933; color: #f5f7fa; }
#bar .file { font-weight: bold; }
#status.ok { color: #9be9a8; }
#status.broken { color: #ffb3b3; }
#status.lost { color: #ffd479; }
iframe { flex: 1; width: 100%; border: 0; background: #fff; }
`.trim();

/** The preview's own page: a bar with the file and its state, the bulletin in a frame, the reload script. */
export function wrapperPage(file: string, status: { ok: boolean; text: string }, lang: Lang): string {
  const w = words[lang];
  return [
    ...pageHead(lang, w.pageTitle(file), WRAPPER_META_CSP, wrapperStyle, '<script src="/preview.js" defer></script>'),
    `<body data-lost="${escapeHtml(w.statusLost)}">`,
    `<div id="bar"><span class="file">${escapeHtml(file)}</span><span id="status" class="${status.ok ? 'ok' : 'broken'}">${escapeHtml(status.text)}</span></div>`,
    // Sandboxed without scripts: the bulletin never runs anything, even here; same origin so the page can keep its scroll.
    `<iframe id="bulletin" src="/bulletin" title="${escapeHtml(w.frameTitle)}" sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * The preview's script (served at /preview.js): listens to /events and
 * reloads the frame on "change", keeping the reader's scroll position; opens
 * the bulletin's links in a new tab (most sites refuse to be framed).
 */
export const PREVIEW_JS = `'use strict';
(function () {
  var frame = document.getElementById('bulletin');
  var status = document.getElementById('status');
  var scroll = null;
  var lost = false;
  function setStatus(text, cls) { status.textContent = text; status.className = cls; }
  frame.addEventListener('load', function () {
    var win, doc;
    try { win = frame.contentWindow; doc = frame.contentDocument; } catch (e) { return; }
    if (!win || !doc) return;
    if (scroll !== null) { win.scrollTo(scroll[0], scroll[1]); scroll = null; }
    doc.addEventListener('click', function (event) {
      var a = event.target && event.target.closest ? event.target.closest('a[href]') : null;
      if (!a || a.getAttribute('href').charAt(0) === '#') return;
      event.preventDefault();
      window.open(a.href, '_blank', 'noopener,noreferrer');
    });
  });
  function reload() {
    try { scroll = [frame.contentWindow.scrollX, frame.contentWindow.scrollY]; } catch (e) { scroll = null; }
    frame.contentWindow.location.replace('/bulletin');
  }
  var events = new EventSource('/events');
  events.addEventListener('change', function (event) {
    var data = {};
    try { data = JSON.parse(event.data); } catch (e) { /* keep the old status */ }
    if (typeof data.status === 'string') setStatus(data.status, data.ok ? 'ok' : 'broken');
    reload();
  });
  events.addEventListener('hello', function (event) {
    // Sent on every connection; after the server went away (restarted), the file may have changed meanwhile.
    var data = {};
    try { data = JSON.parse(event.data); } catch (e) { /* keep the old status */ }
    if (typeof data.status === 'string') setStatus(data.status, data.ok ? 'ok' : 'broken');
    if (lost) { lost = false; reload(); }
  });
  events.addEventListener('error', function () {
    lost = true;
    setStatus(document.body.getAttribute('data-lost') || '', 'lost');
  });
})();
`;
