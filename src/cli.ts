/**
 * The command line: the only module that reads argv, writes to stdout and
 * stderr, and chooses the exit code (0 clean, 1 invalid input, 2 usage).
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { FORMATS, OUTPUTS, type Format, type Output } from './commands/options.js';
import { loadConfig } from './config.js';
import { formatPretty } from './format/pretty.js';
import { isCommit } from './git.js';

// Commands load what they need when they run: `validate` must start fast
// (a pre-commit hook), without the rendering stack.
import { pickLang, ui, type Lang } from './messages.js';

/** More PDF workers than this only costs memory (each holds a Typst compiler). */
const MAX_JOBS = 16;

const help: Record<Lang, string> = {
  fr: `visite — des comptes-rendus de visite syndicale en YAML au bulletin publié

Usage :
  visite validate [fichiers, dossiers ou motifs…]   vérifie les visites (par défaut : visits/)
  visite render [fichiers…]                         écrit les bulletins (par défaut : visits/ vers out/)
  visite new [options]                              crée une visite (squelette commenté et valide)
  visite fmt [--check] [fichiers…]                  met les visites en forme (ordre des clés, commentaires gardés)
  visite preview [FICHIER] [--port N]               aperçu du bulletin, rechargé à chaque enregistrement
  visite stats [fichiers…] [--format table|csv|json] indicateurs de chaque site visité et leur évolution
  visite build [fichiers…] [--out dist] [--base-url URL] [--keep-going] [--internal] [--jobs N]
                                                    site statique de toutes les visites (index, pages, PDF, flux Atom)
  visite publish FICHIER… --site URL [--status draft|publish|pending] [--dry-run] [--timeout S]
                                                    publie sur le WordPress du syndicat (brouillon par défaut)

Options de validate :
  --format pretty|json|github   présentation des problèmes (par défaut : pretty)
  --strict                      les avertissements rendent le fichier invalide
  --changed [REF]               seulement les visites modifiées depuis REF (par défaut HEAD)

Options de new :
  --union U --service S --service-name NOM --departement D --site NOM… --date AAAA-MM-JJ…
  --kind compte-rendu|communique --dir DOSSIER (par défaut visits/)

Options de render :
  --out DOSSIER                 dossier de sortie (par défaut : out/)
  --to md,html,pdf              formats à écrire (par défaut : les trois)
  --fragment                    HTML sans en-tête, à coller dans un site (CMS)
  --style NOM                   style maison à utiliser (fo-justice-cpip, cgt-ip, ou un style du syndicat)
  --templates DOSSIER           dossier des styles maison du syndicat
  --jobs N                      PDF compilés en parallèle (render et build ; par défaut un par cœur ;
                                0 : un à la fois, le moins de mémoire)

Options communes :
  --config FICHIER              configuration (par défaut : visite.config.yaml s'il existe)
  --lang fr|en                  langue des messages (par défaut : selon LANG)
  --no-color                    sans couleur (aussi avec NO_COLOR)
  -h, --help                    cette aide
  -v, --version                 version

Codes de sortie : 0 tout va bien, 1 fichier invalide ou bulletin non écrit, 2 erreur d'utilisation.
`,
  en: `visite — from union visit reports in YAML to the published bulletin

Usage:
  visite validate [files, folders or globs…]   checks visits (default: visits/)
  visite render [files…]                       writes the bulletins (default: visits/ to out/)
  visite new [options]                         creates a visit (a valid, commented skeleton)
  visite fmt [--check] [files…]                formats visits (key order, comments kept)
  visite preview [FILE] [--port N]             previews the bulletin, reloaded at each save
  visite stats [files…] [--format table|csv|json] indicators of each site visited and their evolution
  visite build [files…] [--out dist] [--base-url URL] [--keep-going] [--internal] [--jobs N]
                                               static site of all visits (index, pages, PDFs, Atom feed)
  visite publish FILE… --site URL [--status draft|publish|pending] [--dry-run] [--timeout S]
                                               publishes to the union's WordPress (draft by default)

Options of validate:
  --format pretty|json|github   how problems are shown (default: pretty)
  --strict                      warnings make a file invalid
  --changed [REF]               only the visits changed since REF (default HEAD)

Options of new:
  --union U --service S --service-name NAME --departement D --site NAME… --date YYYY-MM-DD…
  --kind compte-rendu|communique --dir FOLDER (default visits/)

Options of render:
  --out FOLDER                  output folder (default: out/)
  --to md,html,pdf              formats to write (default: all three)
  --fragment                    HTML without the page around it, to paste into a CMS
  --style NAME                  house style (fo-justice-cpip, cgt-ip, or the union's own)
  --templates FOLDER            folder of the union's own house styles
  --jobs N                      PDFs compiled in parallel (render and build; default one per core;
                                0: one at a time, least memory)

Common options:
  --config FILE                 configuration (default: visite.config.yaml if present)
  --lang fr|en                  language of messages (default: from LANG)
  --no-color                    no colour (also with NO_COLOR)
  -h, --help                    this help
  -v, --version                 version

Exit codes: 0 all well, 1 invalid file or bulletin not written, 2 usage error.
`,
};

/** Streams the CLI writes to; tests pass their own. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
};

function usageError(io: Io, lang: Lang, message: string): number {
  io.err(`visite: ${message}\n${ui[lang].seeHelp}\n`);
  return 2;
}

/**
 * Runs a command that writes files so that Ctrl-C (or SIGTERM) exits with 130
 * between two files: outputs are written synchronously (`writeAtomic`), so
 * the handler runs once the file being written is whole and renamed, never
 * leaving a temporary file behind, as the signal's default action could.
 */
async function interruptible(run: () => Promise<number>): Promise<number> {
  const stop = (): never => process.exit(130);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await run();
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/** Runs the CLI with arguments (without `node` and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  // The language is needed before parsing succeeds, to explain parse failures.
  const langIndex = argv.indexOf('--lang');
  const early = argv.find((a) => a.startsWith('--lang='))?.slice(7) ?? (langIndex >= 0 ? argv[langIndex + 1] : undefined);
  let lang = pickLang(early, io.env);
  // `--changed [REF]`: an optional value, which parseArgs cannot express.
  const args = [...argv];
  let changed: string | undefined;
  const at = args.findIndex((a) => a === '--changed' || a.startsWith('--changed='));
  if (at >= 0) {
    const flag = args[at]!;
    changed = flag.includes('=') ? flag.slice('--changed='.length) : 'HEAD';
    args.splice(at, 1);
    const next = args[at];
    if (!flag.includes('=') && next !== undefined && !next.startsWith('-') && (await isCommit(next))) {
      changed = next;
      args.splice(at, 1);
    }
  }
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', default: 'pretty' },
        strict: { type: 'boolean', default: false },
        out: { type: 'string' },
        to: { type: 'string' },
        style: { type: 'string' },
        templates: { type: 'string' },
        config: { type: 'string' },
        fragment: { type: 'boolean', default: false },
        check: { type: 'boolean', default: false },
        union: { type: 'string' },
        service: { type: 'string' },
        'service-name': { type: 'string' },
        departement: { type: 'string' },
        // `new` takes several site names; `publish` one site address.
        site: { type: 'string', multiple: true },
        date: { type: 'string', multiple: true },
        kind: { type: 'string' },
        dir: { type: 'string' },
        port: { type: 'string' },
        yes: { type: 'boolean', short: 'y', default: false },
        status: { type: 'string', default: 'draft' },
        'dry-run': { type: 'boolean', default: false },
        'base-url': { type: 'string' },
        'keep-going': { type: 'boolean', default: false },
        jobs: { type: 'string' },
        internal: { type: 'boolean', default: false },
        timeout: { type: 'string' },
        lang: { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    return usageError(io, lang, ui[lang].unknownOption((error as Error).message.split('\n')[0] ?? ''));
  }
  const { values, positionals } = parsed;
  // PDF workers of render and build: a whole number, 0 for none; left out, the commands take one per core.
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  const badJobs = values.jobs !== undefined && !(/^[0-9]{1,2}$/.test(values.jobs) && Number(values.jobs) <= MAX_JOBS);
  if (values.lang !== undefined && values.lang !== 'fr' && values.lang !== 'en') {
    return usageError(io, lang, ui[lang].badValue('lang', values.lang, 'fr, en'));
  }
  lang = pickLang(values.lang, io.env);
  if (values.version) {
    const { version } = await import('./version.js');
    io.out(`${version}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    io.out(help[lang]);
    return command === undefined && !values.help ? 2 : 0;
  }
  const color = io.isTTY && !io.env.NO_COLOR && !values['no-color'] && values.color !== false;
  if (!['validate', 'render', 'new', 'fmt', 'preview', 'stats', 'publish', 'build'].includes(command)) return usageError(io, lang, ui[lang].unknownCommand(command));
  if (command === 'new') {
    if (values.kind !== undefined && values.kind !== 'compte-rendu' && values.kind !== 'communique') {
      return usageError(io, lang, ui[lang].badValue('kind', values.kind, 'compte-rendu, communique'));
    }
    const { runNew } = await import('./commands/new.js');
    return runNew({
      union: values.union, service: values.service, serviceName: values['service-name'], departement: values.departement,
      sites: values.site ?? [], dates: values.date ?? [], kind: values.kind as 'compte-rendu' | 'communique' | undefined,
      dir: values.dir ?? 'visits', lang, interactive: io.isTTY && !values.yes && io.env.CI !== 'true',
      out: io.out, err: io.err, today: new Date().toISOString().slice(0, 10),
    });
  }
  if (command === 'preview') {
    if (rest.length > 1) return usageError(io, lang, ui[lang].unknownOption(rest.slice(1).join(' ')));
    let port: number | undefined;
    if (values.port !== undefined) {
      port = Number(values.port);
      if (!/^\d+$/.test(values.port) || port > 65535) return usageError(io, lang, ui[lang].badValue('port', values.port, '0–65535'));
    }
  }
  if (command === 'fmt') {
    const { runFmt } = await import('./commands/fmt.js');
    return interruptible(() => runFmt({ paths: rest, check: Boolean(values.check), lang, color, out: io.out, err: io.err }));
  }
  const loaded = await loadConfig(values.config);
  if (loaded.diagnostics.length > 0) {
    io.out(formatPretty([{ file: values.config ?? 'visite.config.yaml', text: '', diagnostics: loaded.diagnostics, valid: false }], lang, color));
    return 1;
  }
  const config = loaded.config;
  if (values.templates) config.templateDirs.unshift(resolve(values.templates));
  switch (command) {
    case 'publish': {
      const site = values.site?.length === 1 ? values.site[0]! : undefined;
      if (!site) return usageError(io, lang, ui[lang].badValue('site', (values.site ?? []).join(' '), 'https://…'));
      if (!['draft', 'publish', 'pending'].includes(String(values.status))) return usageError(io, lang, ui[lang].badValue('status', String(values.status), 'draft, publish, pending'));
      if (values.timeout !== undefined && !/^\d+$/.test(values.timeout)) return usageError(io, lang, ui[lang].badValue('timeout', values.timeout, 'secondes/seconds'));
      const { runPublish } = await import('./commands/publish.js');
      return runPublish({
        paths: rest, site, status: values.status as 'draft' | 'publish' | 'pending', dryRun: Boolean(values['dry-run']),
        style: values.style, config, lang, color, env: io.env, out: io.out, err: io.err,
        ...(values.timeout !== undefined ? { timeoutMs: Number(values.timeout) * 1000 } : {}),
      });
    }
    case 'stats': {
      const format = values.format === 'pretty' ? 'table' : values.format;
      if (!['table', 'csv', 'json'].includes(String(format))) return usageError(io, lang, ui[lang].badValue('format', String(values.format), 'table, csv, json'));
      const { runStats } = await import('./commands/stats.js');
      return runStats({ paths: rest, format: format as 'table' | 'csv' | 'json', ratios: config.ratios, lang, color, out: io.out, err: io.err });
    }
    case 'preview': {
      const { runPreview } = await import('./commands/preview.js');
      // runPreview installs and removes its own Ctrl-C handling.
      return runPreview({
        file: rest[0], lang, config, style: values.style, color, out: io.out, err: io.err,
        ...(values.port !== undefined ? { port: Number(values.port) } : {}),
      });
    }
    case 'validate': {
      if (!FORMATS.includes(values.format as Format)) {
        return usageError(io, lang, ui[lang].badValue('format', String(values.format), FORMATS.join(', ')));
      }
      const { runValidate } = await import('./commands/validate.js');
      return runValidate({
        paths: rest, format: values.format as Format, strict: Boolean(values.strict), lang, color, out: io.out, err: io.err, ratios: config.ratios,
        ...(changed !== undefined ? { changed } : {}),
      });
    }
    case 'build': {
      if (badJobs) return usageError(io, lang, ui[lang].badValue('jobs', String(values.jobs), `0 … ${MAX_JOBS}`));
      const { runBuild } = await import('./commands/build.js');
      return interruptible(() => runBuild({
        paths: rest, out: values.out ?? 'dist', keepGoing: Boolean(values['keep-going']), internal: Boolean(values.internal),
        style: values.style, config, lang, color, progress: io.isTTY, out_: io.out, err: io.err, jobs,
        ...(values['base-url'] !== undefined ? { baseUrl: values['base-url'] } : {}),
      }));
    }
    case 'render': {
      const to = (values.to ?? OUTPUTS.join(',')).split(',').map((x) => x.trim()).filter(Boolean);
      const bad = to.find((x) => !OUTPUTS.includes(x as Output));
      if (bad !== undefined || to.length === 0) return usageError(io, lang, ui[lang].badValue('to', String(values.to), OUTPUTS.join(', ')));
      if (badJobs) return usageError(io, lang, ui[lang].badValue('jobs', String(values.jobs), `0 … ${MAX_JOBS}`));
      const { runRender } = await import('./commands/render.js');
      return interruptible(() => runRender({
        paths: rest, out: values.out ?? config.out ?? 'out', to: to as Output[], style: values.style, fragment: values.fragment, config, lang, color,
        progress: io.isTTY, out_: io.out, err: io.err, jobs,
      }));
    }
    default:
      return usageError(io, lang, ui[lang].unknownCommand(command));
  }
}
