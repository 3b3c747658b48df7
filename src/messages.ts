/**
 * The wording of every diagnostic, in French and English, apart from the
 * codes (as publint does): a message says what is wrong, a hint how to fix it.
 */
import { severityOf, type Code, type Diagnostic, type Params, type Severity } from './diagnostics.js';

/** Languages the tool speaks. */
export type Lang = 'fr' | 'en';

type Text = (p: Params) => string;
interface Entry { message: Text; hint?: Text }

const q = {
  fr: (s: unknown): string => `« ${String(s)} »`,
  en: (s: unknown): string => `"${String(s)}"`,
};

function listOf(lang: Lang, values: unknown, max = 8): string {
  const all = Array.isArray(values) ? values.map(String) : [String(values)];
  const shown = all.slice(0, max).map(q[lang]).join(', ');
  return all.length > max ? `${shown}, …` : shown;
}

const typeWords: Record<Lang, Record<string, string>> = {
  fr: {
    string: 'un texte', integer: 'un nombre entier', number: 'un nombre', boolean: 'oui/non (true ou false)',
    object: 'une liste de clés (clé: valeur)', array: 'une liste (éléments commençant par « - »)', null: 'une valeur vide',
  },
  en: {
    string: 'a text', integer: 'a whole number', number: 'a number', boolean: 'yes/no (true or false)',
    object: 'a mapping (key: value)', array: 'a list (items starting with "-")', null: 'an empty value',
  },
};

const types = (lang: Lang, t: unknown): string =>
  (Array.isArray(t) ? t : [t]).map((x) => typeWords[lang][String(x)] ?? String(x)).join(lang === 'fr' ? ' ou ' : ' or ');

/** A text that became a mapping: almost always a ": " inside unquoted prose. */
const colonInText = (p: Params): boolean =>
  p.actual === 'object' && (Array.isArray(p.expected) ? p.expected.includes('string') : p.expected === 'string');

const field = (lang: Lang, p: Params): string =>
  p.field ? (lang === 'fr' ? ` pour ${q.fr(p.field)}` : ` for ${q.en(p.field)}`) : '';

const didYouMean = {
  fr: (p: Params): string | undefined => (p.suggestion ? `vouliez-vous dire ${q.fr(p.suggestion)} ?` : undefined),
  en: (p: Params): string | undefined => (p.suggestion ? `did you mean ${q.en(p.suggestion)}?` : undefined),
};

const compare = { '>=': { fr: 'au moins', en: 'at least' }, '<=': { fr: 'au plus', en: 'at most' },
  '>': { fr: 'plus de', en: 'more than' }, '<': { fr: 'moins de', en: 'less than' } } as Record<string, Record<Lang, string>>;

const kinds: Record<Lang, Record<string, string>> = {
  fr: { service: 'service', site: 'site', place: 'lieu', unit: 'unité' },
  en: { service: 'service', site: 'site', place: 'place', unit: 'unit' },
};

const catalog: Record<Lang, Record<Code, Entry>> = {
  fr: {
    'file-unreadable': { message: (p) => `Impossible de lire le fichier (${p.reason}).`, hint: () => 'Vérifiez le chemin et les droits de lecture.' },
    'file-too-large': { message: (p) => `Fichier trop gros : ${p.size} octets (maximum ${p.max}).`, hint: () => 'Un fichier de visite fait quelques kilo-octets : est-ce le bon fichier ?' },
    'file-not-utf8': { message: () => 'Le fichier n’est pas du texte UTF-8 (fichier binaire ou mal encodé).', hint: () => 'Enregistrez le fichier en UTF-8 depuis votre éditeur.' },
    'file-empty': { message: () => 'Le fichier est vide.', hint: () => 'Créez une visite avec « visite new » ou copiez un exemple de visits/.' },
    'yaml-duplicate-key': { message: (p) => `La clé ${q.fr(p.key)} apparaît deux fois au même niveau.`, hint: () => 'Supprimez ou renommez l’une des deux.' },
    'yaml-tab-indent': { message: () => 'Tabulation utilisée pour l’indentation.', hint: () => 'YAML n’accepte que des espaces : remplacez la tabulation par des espaces.' },
    'yaml-bad-indent': { message: () => 'Indentation incohérente.', hint: () => 'Alignez les clés d’un même bloc sur la même colonne, avec des espaces.' },
    'yaml-unterminated-string': { message: () => 'Texte entre guillemets jamais refermé.', hint: () => 'Ajoutez le guillemet fermant, ou retirez le guillemet ouvrant.' },
    'yaml-too-deep': { message: (p) => `Imbrication trop profonde (plus de ${p.max} niveaux).`, hint: () => 'Un fichier de visite n’a pas besoin d’autant de niveaux : vérifiez l’indentation.' },
    'yaml-alias-limit': { message: (p) => `Trop d’alias YAML à développer (maximum ${p.max}).`, hint: () => 'Écrivez les valeurs en clair au lieu d’alias (*nom).' },
    'yaml-unknown-tag': { message: (p) => `Étiquette YAML inconnue ${q.fr(p.tag)}.`, hint: () => 'Seule l’étiquette !internal est reconnue (valeur gardée hors des publications).' },
    'yaml-multiple-documents': { message: () => 'Le fichier contient plusieurs documents YAML (séparés par « --- »).', hint: () => 'Une visite par fichier : déplacez la suite dans un autre fichier.' },
    'yaml-syntax': { message: (p) => `Erreur de syntaxe YAML (${p.detail}).`, hint: () => 'Vérifiez les deux-points, tirets et guillemets de cette ligne.' },
    'schema-required': { message: (p) => `Clé obligatoire manquante : ${q.fr(p.key)}${p.parent ? ` dans ${q.fr(p.parent)}` : ''}.`, hint: (p) => `Ajoutez « ${p.key}: … » à ce bloc.` },
    'schema-unknown-key': { message: (p) => `Clé inconnue ${q.fr(p.key)}.`, hint: (p) => didYouMean.fr(p) ?? `Clés possibles ici : ${listOf('fr', p.allowed)}.` },
    'schema-type': { message: (p) => `Type de valeur inattendu${field('fr', p)} : attendu ${types('fr', p.expected)}, trouvé ${types('fr', p.actual)}.`, hint: (p) => (colonInText(p) ? 'Dans un texte, « : » suivi d’une espace crée une clé : mettez le texte entre guillemets, ou écrivez-le sous « >- » à la ligne suivante.' : `Écrivez ${types('fr', p.expected)}.`) },
    'schema-enum': { message: (p) => `Valeur non reconnue ${q.fr(p.value)}${field('fr', p)}.`, hint: (p) => didYouMean.fr(p) ?? `Valeurs possibles : ${listOf('fr', p.allowed, 12)}.` },
    'schema-const': { message: (p) => `Valeur ${q.fr(p.value)}${field('fr', p)} : seule ${q.fr(p.expected)} est acceptée.`, hint: (p) => `Écrivez ${p.expected}.` },
    'schema-pattern': { message: (p) => `Forme non reconnue ${q.fr(p.value)}${field('fr', p)}.`, hint: (p) => patternHint('fr', String(p.pattern)) },
    'schema-format': { message: (p) => `${q.fr(p.value)} n’est pas une adresse valable${field('fr', p)}.`, hint: () => 'Écrivez l’adresse complète, p. ex. https://www.exemple.fr/page.' },
    'schema-range': { message: (p) => `Valeur ${p.value} hors limites${field('fr', p)} : ${compare[String(p.comparison)]?.fr ?? p.comparison} ${p.limit} attendu.`, hint: () => 'Corrigez le nombre.' },
    'schema-length': { message: (p) => `Texte vide ou trop long${field('fr', p)}.`, hint: (p) => `Il faut ${compare[String(p.comparison)]?.fr} ${p.limit} caractère(s).` },
    'schema-items': { message: (p) => `Liste ${p.comparison === '>=' ? 'vide' : 'trop longue'}${field('fr', p)}.`, hint: (p) => `Il faut ${compare[String(p.comparison)]?.fr} ${p.limit} élément(s), ou retirez la clé.` },
    'schema-invalid': { message: (p) => `Valeur refusée${field('fr', p)} : ${p.fr}.` },
    'date-invalid': { message: (p) => `La date ${q.fr(p.value)} n’existe pas.`, hint: () => 'Vérifiez le jour et le mois (AAAA-MM-JJ).' },
    'date-order': { message: (p) => `Publication datée du ${p.published}, avant la fin de la visite (${p.visited}).`, hint: () => 'Corrigez la date de publication ou les dates de visite.' },
    'date-outside-visit': { message: (p) => `Site visité le ${p.value}, qui n’est pas un jour de la visite.`, hint: (p) => `Jours de visite : ${listOf('fr', p.dates)}.` },
    'subcount-exceeds-total': { message: (p) => `${p.count} personne(s) « dont » pour un effectif de ${p.total}.`, hint: () => 'Un « dont » ne peut dépasser l’effectif : corrigez l’un ou l’autre.' },
    'unknown-reference': { message: (p) => `${q.fr(p.id)} ne désigne aucun ${kinds.fr[String(p.kind)] ?? p.kind} du fichier.`, hint: (p) => didYouMean.fr(p) ?? (Array.isArray(p.known) && p.known.length > 0 ? `Identifiants connus : ${listOf('fr', p.known)}.` : 'Déclarez-le d’abord (services, places, sites ou units).') },
    'duplicate-id': { message: (p) => `L’identifiant ${q.fr(p.id)} est déjà utilisé (${p.first}).`, hint: () => 'Donnez à chaque service, lieu, site et unité un identifiant unique.' },
    'occupancy-over-capacity': { message: (p) => `${p.occupancy} occupant(s) pour ${p.capacity} place(s).`, hint: () => 'Si c’est exact, c’est un constat à souligner ; sinon corrigez capacity ou occupancy.' },
    'range-inverted': { message: (p) => `Fourchette inversée : min ${p.min} > max ${p.max}.`, hint: () => 'Échangez min et max.' },
    'caseload-empty': { message: () => 'Charge de travail sans chiffre.', hint: () => 'Ajoutez perFte (par ETP) ou total.' },
    'cap-window-negative': { message: (p) => `Rapports dus ${p.due} jours avant la CAP, mais rôle reçu ${p.received} jours avant seulement.`, hint: () => 'Vérifiez les deux délais : le rôle arrive-t-il vraiment après l’échéance des rapports ?' },
    'gap-mismatch': { message: (p) => `Le bulletin annonce ${p.stated} ${p.role} manquant(s), le calcul en trouve ${p.computed} (référence : 1 pour ${p.reference}).`, hint: () => 'Vérifiez le manque annoncé (gaps), l’effectif ou la charge de travail ; précisez atLeast si c’est un minimum.' },
    'internal-required': { message: (p) => `${q.fr(p.key)} est obligatoire : il ne peut pas être marqué !internal.`, hint: () => 'Retirez l’étiquette !internal de cette valeur, ou écrivez une version publiable à côté d’une note interne.' },
    'publish-auth': { message: (p) => `WordPress refuse les identifiants (étape : ${steps.fr[String(p.step)] ?? p.step} ; ${p.detail}).`, hint: () => 'Vérifiez l’identifiant et le mot de passe d’application (Profil → Mots de passe d’application) et que ce compte peut publier. Rien n’a été créé.' },
    'publish-not-wordpress': { message: (p) => `${p.site} ne répond pas comme un WordPress (étape : ${steps.fr[String(p.step)] ?? p.step} ; ${p.detail}).`, hint: () => 'Vérifiez l’adresse du site (la page d’accueil du WordPress, sans /wp-admin).' },
    'publish-rest-disabled': { message: (p) => `L’API REST de WordPress est fermée sur ce site (étape : ${steps.fr[String(p.step)] ?? p.step} ; ${p.detail}).`, hint: () => 'Demandez au webmestre d’autoriser l’API REST (une extension la bloque souvent) pour ce compte.' },
    'publish-timeout': { message: (p) => `Le site n’a pas répondu à temps (étape : ${steps.fr[String(p.step)] ?? p.step}).`, hint: () => 'Réessayez plus tard ou avec --timeout plus long : une nouvelle tentative reprend sans créer de doublon.' },
    'publish-http': { message: (p) => `Échec de la publication (étape : ${steps.fr[String(p.step)] ?? p.step} ; ${p.detail}).`, hint: () => 'Corrigez le problème indiqué puis relancez : une nouvelle tentative reprend sans créer de doublon.' },
    'pdf-unavailable': { message: (p) => `Le PDF ne peut pas être produit sur cette machine (${p.platform}).`, hint: () => 'Le compilateur Typst fourni couvre Linux x64 : écrivez --to md,html ici, et produisez le PDF en CI ou sur une machine Linux.' },
    'style-unknown': { message: (p) => `Style maison inconnu ${q.fr(p.style)}.`, hint: (p) => didYouMean.fr(p) ?? `Styles disponibles : ${listOf('fr', p.known)}.` },
    'style-invalid': { message: (p) => `Style maison ${q.fr(p.style)} incomplet : ${p.detail}.`, hint: () => 'Un style est un dossier avec style.yaml et report.md.hbs (voir le README).' },
    'template-error': { message: (p) => `Erreur dans le modèle : ${p.detail}.`, hint: () => 'Corrigez le modèle Handlebars à la ligne indiquée.' },
    'style-path-outside': { message: (p) => `Le chemin ${q.fr(p.path)} sort du dossier du style.`, hint: () => 'Placez le fichier (logo, police) dans le dossier du style et indiquez un chemin relatif.' },
    'output-failed': { message: (p) => `Impossible d’écrire ${q.fr(p.path)} (${p.reason}).`, hint: () => 'Vérifiez que le dossier de sortie existe, est accessible en écriture et que le disque n’est pas plein. Aucun fichier partiel n’a été laissé.' },
  },
  en: {
    'file-unreadable': { message: (p) => `Cannot read the file (${p.reason}).`, hint: () => 'Check the path and read permissions.' },
    'file-too-large': { message: (p) => `File too large: ${p.size} bytes (at most ${p.max}).`, hint: () => 'A visit file is a few kilobytes: is this the right file?' },
    'file-not-utf8': { message: () => 'The file is not UTF-8 text (binary or wrongly encoded).', hint: () => 'Save the file as UTF-8 from your editor.' },
    'file-empty': { message: () => 'The file is empty.', hint: () => 'Create a visit with "visite new" or copy an example from visits/.' },
    'yaml-duplicate-key': { message: (p) => `Key ${q.en(p.key)} appears twice at the same level.`, hint: () => 'Remove or rename one of them.' },
    'yaml-tab-indent': { message: () => 'Tab used for indentation.', hint: () => 'YAML only accepts spaces: replace the tab with spaces.' },
    'yaml-bad-indent': { message: () => 'Inconsistent indentation.', hint: () => 'Align the keys of one block on the same column, with spaces.' },
    'yaml-unterminated-string': { message: () => 'Quoted text is never closed.', hint: () => 'Add the closing quote, or remove the opening one.' },
    'yaml-too-deep': { message: (p) => `Nesting too deep (more than ${p.max} levels).`, hint: () => 'A visit file never needs that many levels: check the indentation.' },
    'yaml-alias-limit': { message: (p) => `Too many YAML aliases to expand (at most ${p.max}).`, hint: () => 'Write values out instead of aliases (*name).' },
    'yaml-unknown-tag': { message: (p) => `Unknown YAML tag ${q.en(p.tag)}.`, hint: () => 'Only the !internal tag is known (value kept out of public outputs).' },
    'yaml-multiple-documents': { message: () => 'The file holds several YAML documents (separated by "---").', hint: () => 'One visit per file: move the rest to another file.' },
    'yaml-syntax': { message: (p) => `YAML syntax error (${p.detail}).`, hint: () => 'Check the colons, dashes and quotes on this line.' },
    'schema-required': { message: (p) => `Missing required key ${q.en(p.key)}${p.parent ? ` in ${q.en(p.parent)}` : ''}.`, hint: (p) => `Add "${p.key}: …" to this block.` },
    'schema-unknown-key': { message: (p) => `Unknown key ${q.en(p.key)}.`, hint: (p) => didYouMean.en(p) ?? `Keys allowed here: ${listOf('en', p.allowed)}.` },
    'schema-type': { message: (p) => `Unexpected type of value${field('en', p)}: expected ${types('en', p.expected)}, found ${types('en', p.actual)}.`, hint: (p) => (colonInText(p) ? 'In a text, ": " followed by a space makes a key: quote the text, or write it under ">-" on the next line.' : `Write ${types('en', p.expected)}.`) },
    'schema-enum': { message: (p) => `Unknown value ${q.en(p.value)}${field('en', p)}.`, hint: (p) => didYouMean.en(p) ?? `Allowed values: ${listOf('en', p.allowed, 12)}.` },
    'schema-const': { message: (p) => `Value ${q.en(p.value)}${field('en', p)}: only ${q.en(p.expected)} is accepted.`, hint: (p) => `Write ${p.expected}.` },
    'schema-pattern': { message: (p) => `Unrecognised form ${q.en(p.value)}${field('en', p)}.`, hint: (p) => patternHint('en', String(p.pattern)) },
    'schema-format': { message: (p) => `${q.en(p.value)} is not a valid address${field('en', p)}.`, hint: () => 'Write the full address, e.g. https://www.example.org/page.' },
    'schema-range': { message: (p) => `Value ${p.value} out of range${field('en', p)}: ${compare[String(p.comparison)]?.en ?? p.comparison} ${p.limit} expected.`, hint: () => 'Correct the number.' },
    'schema-length': { message: (p) => `Empty or too long text${field('en', p)}.`, hint: (p) => `It needs ${compare[String(p.comparison)]?.en} ${p.limit} character(s).` },
    'schema-items': { message: (p) => `List ${p.comparison === '>=' ? 'empty' : 'too long'}${field('en', p)}.`, hint: (p) => `It needs ${compare[String(p.comparison)]?.en} ${p.limit} item(s), or remove the key.` },
    'schema-invalid': { message: (p) => `Value refused${field('en', p)}: ${p.en}.` },
    'date-invalid': { message: (p) => `The date ${q.en(p.value)} does not exist.`, hint: () => 'Check the day and the month (YYYY-MM-DD).' },
    'date-order': { message: (p) => `Published on ${p.published}, before the visit ended (${p.visited}).`, hint: () => 'Correct the publication date or the visit dates.' },
    'date-outside-visit': { message: (p) => `Site visited on ${p.value}, which is not a day of the visit.`, hint: (p) => `Visit days: ${listOf('en', p.dates)}.` },
    'subcount-exceeds-total': { message: (p) => `${p.count} person(s) "of which" out of a headcount of ${p.total}.`, hint: () => 'An "of which" count cannot exceed the headcount: correct one or the other.' },
    'unknown-reference': { message: (p) => `${q.en(p.id)} names no ${kinds.en[String(p.kind)] ?? p.kind} in this file.`, hint: (p) => didYouMean.en(p) ?? (Array.isArray(p.known) && p.known.length > 0 ? `Known ids: ${listOf('en', p.known)}.` : 'Declare it first (services, places, sites or units).') },
    'duplicate-id': { message: (p) => `The id ${q.en(p.id)} is already used (${p.first}).`, hint: () => 'Give each service, place, site and unit its own id.' },
    'occupancy-over-capacity': { message: (p) => `${p.occupancy} occupant(s) for ${p.capacity} desk(s).`, hint: () => 'If true, it is a finding worth stressing; otherwise correct capacity or occupancy.' },
    'range-inverted': { message: (p) => `Inverted range: min ${p.min} > max ${p.max}.`, hint: () => 'Swap min and max.' },
    'caseload-empty': { message: () => 'Caseload with no figure.', hint: () => 'Add perFte (per FTE) or total.' },
    'cap-window-negative': { message: (p) => `Reports due ${p.due} days before the CAP, but the list arrives only ${p.received} days before.`, hint: () => 'Check both delays: does the list really arrive after the reports are due?' },
    'gap-mismatch': { message: (p) => `The bulletin states ${p.stated} ${p.role} missing, the figures give ${p.computed} (reference: 1 per ${p.reference}).`, hint: () => 'Check the stated gap (gaps), the headcount or the caseload; set atLeast if it is a minimum.' },
    'internal-required': { message: (p) => `${q.en(p.key)} is required: it cannot be marked !internal.`, hint: () => 'Remove the !internal tag from this value, or write a publishable version beside an internal note.' },
    'publish-auth': { message: (p) => `WordPress refuses the credentials (step: ${steps.en[String(p.step)] ?? p.step}; ${p.detail}).`, hint: () => 'Check the user name and the application password (Profile → Application Passwords) and that this account may publish. Nothing was created.' },
    'publish-not-wordpress': { message: (p) => `${p.site} does not answer like a WordPress site (step: ${steps.en[String(p.step)] ?? p.step}; ${p.detail}).`, hint: () => 'Check the site address (the WordPress home page, without /wp-admin).' },
    'publish-rest-disabled': { message: (p) => `The WordPress REST API is closed on this site (step: ${steps.en[String(p.step)] ?? p.step}; ${p.detail}).`, hint: () => 'Ask the webmaster to allow the REST API (a plugin often blocks it) for this account.' },
    'publish-timeout': { message: (p) => `The site did not answer in time (step: ${steps.en[String(p.step)] ?? p.step}).`, hint: () => 'Try again later or with a longer --timeout: a retry resumes without duplicates.' },
    'publish-http': { message: (p) => `Publishing failed (step: ${steps.en[String(p.step)] ?? p.step}; ${p.detail}).`, hint: () => 'Fix the problem shown and run again: a retry resumes without duplicates.' },
    'pdf-unavailable': { message: (p) => `The PDF cannot be made on this machine (${p.platform}).`, hint: () => 'The bundled Typst compiler covers Linux x64: use --to md,html here, and make the PDF in CI or on a Linux machine.' },
    'style-unknown': { message: (p) => `Unknown house style ${q.en(p.style)}.`, hint: (p) => didYouMean.en(p) ?? `Available styles: ${listOf('en', p.known)}.` },
    'style-invalid': { message: (p) => `House style ${q.en(p.style)} is incomplete: ${p.detail}.`, hint: () => 'A style is a folder with style.yaml and report.md.hbs (see the README).' },
    'template-error': { message: (p) => `Error in the template: ${p.detail}.`, hint: () => 'Fix the Handlebars template at the line shown.' },
    'style-path-outside': { message: (p) => `The path ${q.en(p.path)} leads outside the style folder.`, hint: () => 'Put the file (logo, font) in the style folder and give a relative path.' },
    'output-failed': { message: (p) => `Cannot write ${q.en(p.path)} (${p.reason}).`, hint: () => 'Check that the output folder exists, is writable and the disk is not full. No partial file was left.' },
  },
};

function patternHint(lang: Lang, pattern: string): string {
  const fr = lang === 'fr';
  if (pattern.includes('[0-9]{4}-[0-9]{2}')) return fr ? 'Écrivez la date sous la forme AAAA-MM-JJ, p. ex. 2024-01-24.' : 'Write the date as YYYY-MM-DD, e.g. 2024-01-24.';
  if (pattern.startsWith('^[a-z0-9]')) return fr ? 'Un identifiant : minuscules, chiffres et tirets, sans espace ni accent (p. ex. alip-bethune).' : 'An id: lower-case letters, digits and dashes, no spaces or accents (e.g. alip-bethune).';
  if (pattern.includes('https?')) return fr ? 'L’adresse doit commencer par https:// (ou mailto: pour un courriel).' : 'The address must start with https:// (or mailto: for an e-mail).';
  if (pattern.includes('2[AB]')) return fr ? 'Le code du département : 2 chiffres, 2A, 2B ou 971 à 976.' : 'The département code: 2 digits, 2A, 2B or 971 to 976.';
  if (pattern.includes('LRDA')) return fr ? 'Un numéro d’article, p. ex. D147-21 ou 712-1.' : 'An article number, e.g. D147-21 or 712-1.';
  return fr ? `Forme attendue : ${pattern}` : `Expected form: ${pattern}`;
}

/** The message and the hint of a diagnostic, in a language. */
export function describe(d: Diagnostic, lang: Lang): { message: string; hint?: string } {
  const entry = catalog[lang][d.code];
  return { message: entry.message(d.params), hint: entry.hint?.(d.params) };
}

/** One line per code on how to fix it, for the README (English, like the rest of the README). */
const fixes: Record<Code, string> = {
  'file-unreadable': 'Check the path and the read permissions.',
  'file-too-large': 'A visit file is a few kilobytes; files over 1 MiB are refused: check it is the right file.',
  'file-not-utf8': 'Save the file as UTF-8 text (a binary or Latin-1 file is refused); the place shows the first bad byte.',
  'file-empty': 'Write the visit, or start from `visite new` or a file in visits/.',
  'yaml-duplicate-key': 'Remove or rename one of the two keys.',
  'yaml-tab-indent': 'Indent with spaces, never tabs.',
  'yaml-bad-indent': 'Align the keys of one block on the same column.',
  'yaml-unterminated-string': 'Close the quote, or remove the opening one.',
  'yaml-too-deep': 'Nesting over 64 levels is refused: check the indentation.',
  'yaml-alias-limit': 'Over 100 alias expansions is refused: write the values out.',
  'yaml-unknown-tag': 'Remove the tag; only `!internal` is known.',
  'yaml-multiple-documents': 'One visit per file: move what follows `---` to its own file.',
  'yaml-syntax': 'Check the colons, dashes and quotes on the line shown.',
  'schema-required': 'Add the missing key to the block shown.',
  'schema-unknown-key': 'Fix the key\'s spelling (a suggestion is given when one is close) or remove it.',
  'schema-type': 'Write the kind of value expected (text, number, list…); quote a text holding ": ".',
  'schema-enum': 'Use one of the listed values (a suggestion is given when one is close).',
  'schema-const': 'Write the only accepted value (`version: 1`).',
  'schema-pattern': 'Write the value in the form shown (dates YYYY-MM-DD, ids in a-z0-9-).',
  'schema-format': 'Write a full address starting with https://.',
  'schema-range': 'Correct the number (counts are 0 or more).',
  'schema-length': 'Write a text, not an empty value.',
  'schema-items': 'Give at least one item, or remove the key.',
  'schema-invalid': 'Correct the value as the message says.',
  'date-invalid': 'Write a day that exists (2024-02-30 does not).',
  'date-order': 'The publication date must not come before the last visit day.',
  'date-outside-visit': 'A site\'s `visitedOn` should be one of `visit.dates`.',
  'subcount-exceeds-total': 'An "of which" count (`of`) cannot exceed its headcount, nor can seconded plus long leave.',
  'unknown-reference': 'Use an id declared in `services`, `places`, `sites` or the site\'s `units`.',
  'duplicate-id': 'Give each service, place, site and unit its own id.',
  'occupancy-over-capacity': 'Check `occupancy` against `capacity`; if true, it is a finding worth stressing.',
  'range-inverted': 'Swap `min` and `max`.',
  'caseload-empty': 'Give `perFte` or `total`.',
  'cap-window-negative': 'Check the two CAP delays: reports due before the list arrives leaves no time at all.',
  'gap-mismatch': 'The gap you state disagrees with the one computed from staff and caseload: check the figures, or mark it `atLeast`.',
  'internal-required': 'A required value cannot be tagged `!internal`: publish it, or keep the internal part in a separate note.',
  'style-unknown': 'Use a built-in style (`fo-justice-cpip`, `cgt-ip`) or a folder given with `--templates`.',
  'style-invalid': 'A style folder needs a valid `style.yaml` and a `report.md.hbs`.',
  'template-error': 'Fix the template at the file and line shown.',
  'style-path-outside': 'Keep a style\'s logo and fonts inside its folder, with relative paths.',
  'publish-auth': 'Check the WordPress user and application password, and that the account may publish; nothing was created.',
  'publish-not-wordpress': 'Check the site address: it must be the WordPress home page.',
  'publish-rest-disabled': 'Ask the webmaster to open the REST API (often blocked by a plugin) for this account.',
  'publish-timeout': 'Retry later or with a longer `--timeout`; a retry resumes without duplicates.',
  'publish-http': 'Fix the problem shown and retry; a retry resumes without duplicates.',
  'pdf-unavailable': 'The bundled Typst compiler covers Linux x64: use `--to md,html` elsewhere.',
  'output-failed': 'Make the output folder writable (or free some disk); nothing partial was written.',
};

/** Every code with its severity and one-line fix, for the README's table. */
export function codeRows(): { code: Code; severity: Severity; hint: string }[] {
  return (Object.keys(fixes) as Code[]).map((code) => ({ code, severity: severityOf(code), hint: fixes[code] }));
}

/** The steps of a publication, as a webmaster names them. */
const steps: Record<Lang, Record<string, string>> = {
  fr: { connect: 'connexion', auth: 'vérification des identifiants', media: 'envoi du PDF', terms: 'catégories et étiquettes', post: 'article', cleanup: 'retrait des anciens PDF' },
  en: { connect: 'connection', auth: 'checking the credentials', media: 'uploading the PDF', terms: 'categories and tags', post: 'post', cleanup: 'removing old PDFs' },
};

/** Words the CLI itself prints. */
export const ui = {
  fr: {
    severity: { error: 'erreur', warning: 'avertissement' },
    hint: 'Piste\u00a0:',
    summary: (files: number, invalid: number, errors: number, warnings: number): string =>
      `${files} fichier${files > 1 ? 's' : ''} vérifié${files > 1 ? 's' : ''} : ${invalid} invalide${invalid > 1 ? 's' : ''}, ${errors} erreur${errors > 1 ? 's' : ''}, ${warnings} avertissement${warnings > 1 ? 's' : ''}.`,
    clean: (files: number): string => `${files} fichier${files > 1 ? 's' : ''} vérifié${files > 1 ? 's' : ''} : tout est valide.`,
    noFiles: (what: string): string => `Aucun fichier de visite trouvé (${what}).`,
    noFilesHint: 'Donnez un fichier .yaml, un dossier ou un motif, p. ex. « visite validate visits/ ».',
    unknownOption: (detail: string): string => `Option ou argument non reconnu : ${detail}`,
    unknownCommand: (name: string): string => `Commande inconnue ${q.fr(name)}.`,
    badValue: (option: string, value: string, allowed: string): string => `Valeur ${q.fr(value)} refusée pour --${option} (possibles : ${allowed}).`,
    seeHelp: 'Voir « visite --help ».',
  },
  en: {
    severity: { error: 'error', warning: 'warning' },
    hint: 'Hint:',
    summary: (files: number, invalid: number, errors: number, warnings: number): string =>
      `${files} file${files !== 1 ? 's' : ''} checked: ${invalid} invalid, ${errors} error${errors !== 1 ? 's' : ''}, ${warnings} warning${warnings !== 1 ? 's' : ''}.`,
    clean: (files: number): string => `${files} file${files !== 1 ? 's' : ''} checked: all valid.`,
    noFiles: (what: string): string => `No visit file found (${what}).`,
    noFilesHint: 'Give a .yaml file, a folder or a glob, e.g. "visite validate visits/".',
    unknownOption: (detail: string): string => `Unknown option or argument: ${detail}`,
    unknownCommand: (name: string): string => `Unknown command ${q.en(name)}.`,
    badValue: (option: string, value: string, allowed: string): string => `Value ${q.en(value)} refused for --${option} (allowed: ${allowed}).`,
    seeHelp: 'See "visite --help".',
  },
} as const;

/** The language from `--lang`, else LC_ALL, LC_MESSAGES or LANG: French for any fr locale. */
export function pickLang(forced: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (forced === 'fr' || forced === 'en') return forced;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^fr([_.-]|$)/i.test(locale) ? 'fr' : 'en';
}
