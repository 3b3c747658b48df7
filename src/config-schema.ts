/** Schema of `visite.config.yaml` (data only, so the build can precompile it). */
import { caseloadUnits, roles } from './schema/vocabulary.js';

const enumOf = (values: object, title: string, description: string) => ({
  type: 'string', enum: Object.keys(values), markdownEnumDescriptions: Object.values(values), title, description,
});

/** Schema of `visite.config.yaml`. */
export const configSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    style: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', title: 'Style par défaut', description: 'Style maison quand la visite n’en indique pas' },
    templates: { type: 'string', minLength: 1, title: 'Styles du syndicat', description: 'Dossier des styles maison propres au syndicat, relatif à ce fichier' },
    out: { type: 'string', minLength: 1, title: 'Dossier de sortie', description: 'Dossier où écrire les bulletins (par défaut out/)' },
    ratios: {
      type: 'array', title: 'Ratios de référence', description: 'Ratios de référence, avec leur source',
      items: {
        type: 'object', additionalProperties: false, required: ['role', 'unit', 'perFte', 'source'], title: 'Ratio', description: 'Un agent pour N unités',
        properties: {
          role: enumOf(roles, 'Rôle', 'Rôle concerné'),
          unit: enumOf(caseloadUnits, 'Unité', 'Ce qui est compté'),
          perFte: { type: 'number', exclusiveMinimum: 0, title: 'Par ETP', description: 'Nombre suivi par agent à temps plein' },
          source: { type: 'string', minLength: 1, title: 'Source', description: 'D’où vient ce ratio (texte, note, organigramme)' },
        },
      },
    },
  },
} as const;
