/** Schema of a house style's `style.yaml` (data only, so the build can precompile it). */
const color = { type: 'string', pattern: '^#[0-9a-fA-F]{6}$', title: 'Couleur', description: 'Couleur #RRGGBB' };
/** Schema of `style.yaml`. */
export const styleSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'colors', 'signature'],
  properties: {
    name: { type: 'string', minLength: 1, title: 'Nom du syndicat', description: 'Nom affiché, p. ex. « FO Justice CPIP »' },
    website: { type: 'string', format: 'uri', pattern: '^https://', title: 'Site web', description: 'Adresse du site du syndicat' },
    colors: {
      type: 'object', additionalProperties: false, required: ['primary', 'accent'], title: 'Couleurs', description: 'Couleurs du syndicat',
      properties: { primary: color, accent: color, text: color },
    },
    logo: { type: 'string', minLength: 1, title: 'Logo', description: 'Fichier du logo (SVG ou PNG), relatif au dossier du style' },
    signature: { type: 'string', minLength: 1, title: 'Signature', description: 'Forme de la signature, avec {union}, {place} et {date}' },
    inclusive: { type: 'string', enum: ['point-median', 'aucune'], title: 'Écriture inclusive', description: 'point-median (chef·fe) ou aucune' },
  },
} as const;
