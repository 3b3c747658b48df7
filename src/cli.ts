/**
 * The command line: the only module that reads argv, writes to stdout and
 * stderr, and chooses the exit code (0 clean, 1 invalid input, 2 usage).
 */
import { parseArgs } from 'node:util';
import { FORMATS, runValidate, type Format } from './commands/validate.js';
import { pickLang, ui, type Lang } from './messages.js';

const help: Record<Lang, string> = {
  fr: `visite — des comptes-rendus de visite syndicale en YAML au bulletin publié

Usage :
  visite validate [fichiers, dossiers ou motifs…]   vérifie les visites (par défaut : visits/)

Options de validate :
  --format pretty|json|github   présentation des problèmes (par défaut : pretty)
  --strict                      les avertissements rendent le fichier invalide
  --lang fr|en                  langue des messages (par défaut : selon LANG)
  --no-color                    sans couleur (aussi avec NO_COLOR)
  -h, --help                    cette aide
  -v, --version                 version

Codes de sortie : 0 tout est valide, 1 fichier invalide, 2 erreur d'utilisation.
`,
  en: `visite — from union visit reports in YAML to the published bulletin

Usage:
  visite validate [files, folders or globs…]   checks visits (default: visits/)

Options of validate:
  --format pretty|json|github   how problems are shown (default: pretty)
  --strict                      warnings make a file invalid
  --lang fr|en                  language of messages (default: from LANG)
  --no-color                    no colour (also with NO_COLOR)
  -h, --help                    this help
  -v, --version                 version

Exit codes: 0 all valid, 1 invalid file, 2 usage error.
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

/** Runs the CLI with arguments (without `node` and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  // The language is needed before parsing succeeds, to explain parse failures.
  const langIndex = argv.indexOf('--lang');
  const early = argv.find((a) => a.startsWith('--lang='))?.slice(7) ?? (langIndex >= 0 ? argv[langIndex + 1] : undefined);
  let lang = pickLang(early, io.env);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', default: 'pretty' },
        strict: { type: 'boolean', default: false },
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
  switch (command) {
    case 'validate': {
      if (!FORMATS.includes(values.format as Format)) {
        return usageError(io, lang, ui[lang].badValue('format', String(values.format), FORMATS.join(', ')));
      }
      return runValidate({
        paths: rest, format: values.format as Format, strict: Boolean(values.strict), lang, color, out: io.out, err: io.err,
      });
    }
    default:
      return usageError(io, lang, ui[lang].unknownCommand(command));
  }
}
