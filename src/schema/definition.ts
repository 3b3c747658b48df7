/**
 * The visit file format: the single source of `schemas/visit.schema.json`
 * (emitted by `npm run gen`) and, through it, of the TypeScript types in
 * `types.ts`. A test fails when either drifts from this definition.
 */
import {
  choice, count, day, dayOrMonth, flag, id, list, listOf, number, prose, record, ref, text,
  type Node,
} from './build.js';
import * as v from './vocabulary.js';

const role = (title = 'Rôle', description = 'Rôle de la personne ou instance (jamais son nom)'): Node =>
  ({ $ref: '#/$defs/role', title, description });
const siteRef = (description: string): Node =>
  text('Site', `${description} : identifiant d'un site de \`sites\``, { pattern: '^[a-z0-9][a-z0-9-]*$' });
const placeRef = (description: string): Node =>
  text('Lieu', `${description} : identifiant d'un lieu de \`places\`, d'un site ou d'un service`, { pattern: '^[a-z0-9][a-z0-9-]*$' });
const paragraphs = (title: string, description: string): Node =>
  list(title, description, { type: 'string', minLength: 1, title: 'Paragraphe', description: 'Un paragraphe (Markdown en ligne accepté)' });

const $defs: Record<string, Node> = {
  role: choice('Rôle', 'Rôle de la personne ou instance (jamais son nom)', v.roles),

  link: record('Lien', 'Un lien vers une source publique', {
    url: text('Adresse', 'Adresse complète, commençant par https://, http:// ou mailto:', {
      format: 'uri', pattern: '^(https?://|mailto:)',
    }),
    title: prose('Intitulé', 'Texte affiché pour le lien'),
  }, ['url']),

  person: record('Personne ou groupe', 'Une personne ou un groupe désigné par son rôle, jamais par son nom', {
    role: role(),
    label: prose('Libellé', 'Comment le rôle est écrit dans le bulletin, p. ex. « cheffe d’antenne »'),
    count: count('Nombre', 'Nombre de personnes, si c’est un groupe', 1),
    service: text('Service', 'Identifiant du service de `services` auquel la personne appartient', { pattern: '^[a-z0-9][a-z0-9-]*$' }),
    site: siteRef('Site où la personne exerce'),
    name: text('Nom (interne)', 'Nom de la personne : usage interne uniquement, jamais publié'),
    note: prose('Précision', 'Précision sur la personne ou son rôle'),
  }, ['role']),

  group: record('Personnes rencontrées', 'Un groupe de personnes rencontrées, par rôles', {
    roles: list('Rôles', 'Rôles des personnes rencontrées', role()),
    label: prose('Libellé', 'Comment le groupe est désigné, p. ex. « les collègues présents »'),
    site: siteRef('Site où la rencontre a eu lieu'),
    note: prose('Précision', 'Précision sur la rencontre'),
  }, ['roles']),

  authority: record('Autorité', 'Une autorité attendue à la visite, et sa présence', {
    role: role('Rôle', 'Rôle ou instance'),
    label: prose('Libellé', 'Comment l’autorité est désignée, p. ex. « le DFSPIP 62 »'),
    service: text('Service', 'Identifiant du service de `services` concerné', { pattern: '^[a-z0-9][a-z0-9-]*$' }),
    presence: choice('Présence', 'Quelle part de la visite cette autorité a suivie', v.presence),
    note: prose('Précision', 'Ce que cette autorité a dit ou n’a pas su dire'),
  }, ['role', 'presence']),

  legal: record('Référence juridique', 'Un texte de loi ou de règlement cité', {
    kind: choice('Nature', 'Nature du texte', v.legalKinds),
    code: choice('Code', 'Code cité, pour un article de code', v.codes),
    article: text('Article', 'Numéro de l’article, p. ex. D147-21', { pattern: '^[LRDA]?\\*?[0-9][0-9A-Za-z.-]*$' }),
    number: text('Numéro', 'Numéro du texte, p. ex. 2005-102'),
    date: day('Date', 'Date du texte (pour une loi ou un décret)'),
    title: prose('Intitulé', 'Intitulé du texte, p. ex. « pour l’égalité des droits et des chances… »'),
    url: text('Adresse Légifrance', 'Adresse de la version citée sur Légifrance', { format: 'uri', pattern: '^https?://' }),
    quote: prose('Citation', 'Extrait cité du texte'),
  }, ['kind'], {
    allOf: [
      { if: { properties: { kind: { const: 'code' } } }, then: { required: ['code', 'article'] } },
      { if: { properties: { kind: { enum: ['loi', 'decret'] } } }, then: { required: ['date'] } },
    ],
  }),

  cap: record('CAP', "Rythme et délais des commissions d'application des peines", {
    kind: text('Type de CAP', 'Type de commission, p. ex. « CAP LSC » (libération sous contrainte)'),
    sessionsPerMonth: number('CAP par mois', 'Nombre de commissions tenues par mois'),
    listReceivedDaysBefore: count('Rôle reçu (jours avant)', 'Combien de jours avant la commission les collègues reçoivent son rôle (la liste des situations)'),
    reportsDueDaysBefore: count('Rapports dus (jours avant)', 'Combien de jours avant la commission les rapports doivent être remis au JAP'),
  }),

  difficulty: record('Difficulté', 'Une difficulté rencontrée par les collègues ou constatée', {
    topic: choice('Sujet', 'Sujet de la difficulté', v.topics),
    title: prose('Titre', 'Titre court de la difficulté'),
    text: prose('Texte', 'La difficulté, dans les mots du syndicat'),
    details: paragraphs('Détails', 'Points détaillés, un par élément de liste'),
    source: choice('Source', 'D’où vient le constat', v.sources),
    cap: ref('cap', 'CAP', 'Chiffres des commissions, quand la difficulté les concerne'),
    legal: listOf('legal', 'Références juridiques', 'Textes cités à l’appui'),
    see: choice('Voir aussi', 'Renvoi vers une autre partie du site', { premises: 'Locaux et sécurité', staffing: 'Point RH' }),
    position: paragraphs('Position du syndicat', 'Ce que le syndicat en pense ou demande'),
  }, ['topic', 'text']),

  office: record('Bureau', 'Un bureau ou une pièce (ou plusieurs identiques)', {
    kind: choice('Type', 'Type de pièce', v.officeKinds),
    count: count('Nombre', 'Nombre de pièces identiques (1 par défaut)', 1),
    capacity: count('Capacité', 'Nombre de postes de travail par pièce'),
    occupancy: count('Occupation', 'Nombre de personnes qui y travaillent aujourd’hui (par pièce)'),
    occupants: list('Occupants', 'Rôles des personnes qui y travaillent', role()),
    networkPoints: count('Prises réseau', 'Nombre de prises réseau filaires (par pièce)'),
    wifiWorkstations: count('Postes en wifi', 'Postes reliés au réseau Justice en wifi faute de prise (par pièce)'),
    planned: flag('Prévu', 'La pièce est prévue, pas encore en service'),
    note: prose('Précision', 'Précision sur la pièce'),
  }, ['kind']),

  accessibility: record('Accessibilité', 'Accessibilité aux personnes à mobilité réduite (PMR)', {
    lift: flag('Ascenseur', 'Un ascenseur dessert les bureaux'),
    accessible: flag('Accessible PMR', 'Les bureaux sont accessibles à une personne à mobilité réduite'),
    note: prose('Précision', 'Constat de la délégation'),
    legal: listOf('legal', 'Références juridiques', 'Textes cités à l’appui'),
  }),

  area: record('Implantation', 'Une implantation des bureaux du site (bâtiment, quartier, étage)', {
    id: id('Identifiant', 'Identifiant court de l’implantation'),
    unit: text('Unité', 'Identifiant d’une unité du site (`units`)', { pattern: '^[a-z0-9][a-z0-9-]*$' }),
    label: prose('Libellé', 'Où se trouvent les bureaux, p. ex. « au sein de l’établissement, grand quartier »'),
    floor: { type: 'integer', minimum: -5, maximum: 60, title: 'Étage', description: 'Étage (0 pour le rez-de-chaussée)' },
    nearby: prose('À proximité', 'Services ou lieux voisins, p. ex. « greffe, comptabilité »'),
    offices: listOf('office', 'Bureaux', 'Les pièces de cette implantation'),
    accessibility: ref('accessibility', 'Accessibilité', 'Ascenseur, accès PMR'),
    note: prose('Précision', 'Précision sur l’implantation'),
    position: paragraphs('Position du syndicat', 'Ce que le syndicat en pense ou demande'),
  }, ['label']),

  relocation: record('Projet de déménagement', 'Un projet de nouveaux locaux présenté aux agents', {
    text: prose('Projet', 'Le projet en une phrase'),
    presentedOn: day('Présenté le', 'Date de présentation'),
    presentedAt: prose('Présenté en', 'Instance ou occasion de la présentation, p. ex. « CSA SPIP local »'),
    presentedTo: prose('Présenté à', 'À qui le projet a été présenté'),
    where: prose('Où', 'Emplacement envisagé'),
    near: placeRef('Lieu voisin des futurs locaux'),
    mergesWith: list('Regroupement', 'Services ou antennes regroupés dans les futurs locaux', placeRef('Service regroupé')),
    origin: prose('Projet initial', 'Ce que prévoyait le projet au départ'),
    plansShown: flag('Plans présentés', 'Des plans ont déjà été montrés aux agents'),
    staffConsulted: choice('Agents consultés', 'Les agents ont-ils été consultés ?', v.consultation),
    constraints: paragraphs('Contraintes', 'Contraintes que le projet ferait peser sur les agents, une par élément'),
    position: paragraphs('Position du syndicat', 'Ce que le syndicat en pense ou demande'),
  }, ['text']),

  premises: record('Locaux et sécurité', 'Locaux, accessibilité, sécurité, projets immobiliers', {
    location: prose('Situation', 'Où se trouve le site, p. ex. « en zone industrielle, près de la faculté »'),
    publicTransport: prose('Transports en commun', 'Desserte du site pour les personnes suivies'),
    parking: record('Stationnement', 'Parking du service', {
      sufficient: flag('Suffisant', 'Le parking suffit à toute l’équipe'),
      note: prose('Précision', 'Précision sur le stationnement'),
    }, ['sufficient']),
    areas: listOf('area', 'Implantations', 'Bâtiments, quartiers ou étages où se trouvent les bureaux'),
    works: list('Travaux', 'Travaux récents et leurs effets', record('Travaux', 'Des travaux récents', {
      date: dayOrMonth('Date', 'Date des travaux'),
      text: prose('Travaux', 'Ce qui a été fait'),
      effects: paragraphs('Effets', 'Conséquences pour les agents'),
    }, ['text'])),
    reception: record('Accueil', 'Accueil du public', {
      airlock: flag('Effet de sas', "L'accueil forme un sas de sécurité"),
      note: prose('Précision', 'Précision sur l’accueil'),
    }, ['airlock']),
    alarms: record('Procédures d’alarme', 'Procédures de sécurité en cas d’alarme', {
      procedureKnown: flag('Procédure connue', 'Les agents connaissent une procédure claire en cas d’alarme'),
      note: prose('Précision', 'Précision sur les procédures'),
    }, ['procedureKnown']),
    telework: record('Télétravail', 'Effet du télétravail sur les locaux', {
      effect: choice('Effet', 'Effet du télétravail sur les conditions de travail', v.effects),
      note: prose('Précision', 'Précision sur le télétravail'),
    }, ['effect']),
    relocations: listOf('relocation', 'Projets de déménagement', 'Projets de nouveaux locaux'),
    notes: paragraphs('Autres constats', 'Autres constats sur les locaux'),
    position: paragraphs('Position du syndicat', 'Ce que le syndicat en pense ou demande'),
  }),

  subcount: record('Dont', 'Une partie de l’effectif dans une situation particulière', {
    status: choice('Situation', 'Situation de cette partie de l’effectif', v.statuses),
    count: count('Nombre', 'Nombre de personnes dans cette situation', 1),
    leave: list('Congés', 'Types de congé (pour `conge-long`)', choice('Congé', 'Type de congé', v.leaveKinds)),
    actingAs: role('Fait fonction de', 'Rôle exercé à la place d’un autre (pour `faisant-fonction`)'),
    rate: number('Quotité', 'Quotité de travail en pourcentage (pour `temps-partiel`), p. ex. 80', { maximum: 100 }),
    replaced: flag('Remplacé', 'Le départ est remplacé (pour `depart`)'),
    since: dayOrMonth('Depuis', 'Depuis quand'),
    until: dayOrMonth('Jusqu’à', 'Jusqu’à quand'),
    note: prose('Précision', 'Précision, p. ex. « renouvelée pour 3 ans »'),
  }, ['status', 'count']),

  staff: record('Ligne d’effectif', 'Effectif d’un rôle sur le site (ou sur une unité du site)', {
    role: role(),
    label: prose('Libellé', 'Comment le rôle est écrit, p. ex. « DFSPIP adjoint »'),
    unit: text('Unité', 'Identifiant d’une unité du site (`units`), si l’effectif y est rattaché', { pattern: '^[a-z0-9][a-z0-9-]*$' }),
    count: count('Effectif', 'Nombre de personnes en poste (têtes)'),
    fte: number('ETP', 'Effectif en équivalents temps plein'),
    reference: number('Effectif de référence', 'Effectif de référence (organigramme cible) pour ce rôle'),
    of: listOf('subcount', 'Dont', 'Situations particulières au sein de cet effectif'),
    planned: record('Postes attendus', 'Postes annoncés ou attendus pour ce rôle', {
      count: count('Nombre', 'Nombre de postes attendus', 1),
      date: dayOrMonth('Date', 'Date d’arrivée annoncée'),
      confirmed: flag('Confirmé', 'Les postes sont confirmés (p. ex. ouverts à la mobilité)'),
      note: prose('Précision', 'Précision sur ces postes'),
    }, ['count']),
    sharedWith: list('Partagé avec', 'Autres sites ou lieux où ces personnes interviennent aussi', placeRef('Lieu')),
    since: dayOrMonth('Depuis', 'Date de prise de fonctions, si elle compte'),
    note: prose('Précision', 'Précision sur cet effectif'),
  }, ['role', 'count']),

  amount: {
    title: 'Valeur',
    description: 'Un nombre, ou une fourchette `{ min, max }`',
    anyOf: [
      { type: 'number', minimum: 0, title: 'Nombre', description: 'Valeur exacte' },
      record('Fourchette', 'Une fourchette de valeurs', {
        min: number('Minimum', 'Borne basse'),
        max: number('Maximum', 'Borne haute'),
      }, ['min', 'max']),
    ],
  },

  caseload: record('Charge de travail', 'Nombre de personnes ou mesures suivies', {
    role: role(),
    unit: choice('Unité', 'Ce qui est compté', v.caseloadUnits),
    perFte: ref('amount', 'Par ETP', 'Nombre suivi en moyenne par agent à temps plein'),
    total: ref('amount', 'Total', 'Nombre total suivi par le service pour ce rôle'),
    approximate: flag('Environ', 'Les chiffres sont approximatifs (« environ »)'),
    date: day('Date', 'Date du comptage (le jour de la visite par défaut)'),
    assessment: choice('Appréciation', 'Appréciation du ratio', v.assessments),
    note: prose('Précision', 'Précision sur la charge de travail'),
  }, ['role', 'unit']),

  gap: record('Manque', 'Un manque de personnel que le syndicat constate', {
    role: role(),
    count: count('Nombre', 'Nombre de postes manquants (à omettre s’il n’est pas connu : « un certain nombre »)', 1),
    atLeast: flag('Au moins', 'Le nombre est un minimum (« au moins »)'),
    reason: prose('Pourquoi', 'Ce qui fonde le manque, p. ex. un ratio de référence'),
    note: prose('Précision', 'Précision, p. ex. qui pallie le manque aujourd’hui'),
  }, ['role']),

  unit: record('Unité', 'Une partie du site : quartier, équipe, pôle', {
    id: id('Identifiant', 'Identifiant court de l’unité, repris par `unit` ailleurs'),
    kind: choice('Type', 'Type d’unité', v.unitKinds),
    name: prose('Nom', 'Nom de l’unité, p. ex. « grand quartier »'),
    quarters: list('Quartiers', 'Quartiers couverts', choice('Quartier', 'Quartier', v.quarters)),
  }, ['id', 'kind', 'name']),

  milestone: record('Échéance', 'Une étape passée ou à venir du site', {
    date: dayOrMonth('Date', 'Date ou mois de l’étape'),
    text: prose('Étape', 'Ce qui se passe à cette date'),
    status: choice('État', 'Où en est cette étape', v.milestoneStatus),
  }, ['text']),

  demand: record('Revendication', 'Une demande du syndicat', {
    text: prose('Demande', 'La demande'),
    to: prose('Adressée à', 'À qui la demande s’adresse'),
    site: siteRef('Site concerné'),
  }, ['text']),

  site: record('Site visité', 'Un site visité : antenne, établissement, quartier, pôle', {
    id: id('Identifiant', 'Identifiant court du site, repris ailleurs dans le fichier'),
    service: text('Service', 'Identifiant du service de `services` dont dépend le site', { pattern: '^[a-z0-9][a-z0-9-]*$' }),
    kind: choice('Type', 'Type de site', v.siteKinds),
    name: prose('Nom', 'Nom du site, p. ex. « ALIP du CP de Longuenesse »'),
    shortName: prose('Nom court', 'Nom court, p. ex. « Longuenesse »'),
    place: placeRef('Lieu du site (établissement qui l’abrite)'),
    quarters: list('Quartiers', 'Quartiers couverts par le site', choice('Quartier', 'Quartier', v.quarters)),
    units: listOf('unit', 'Unités', 'Quartiers, équipes ou pôles du site'),
    visitedOn: list('Visité le', 'Jour(s) de visite de ce site', day('Jour', 'Jour de visite')),
    capacity: count('Capacité', 'Capacité d’accueil (places), pour un établissement'),
    milestones: listOf('milestone', 'Échéances', 'Ouverture, arrivées, montée en charge…'),
    summary: paragraphs('En bref', 'Ce qu’il faut retenir du site, avant le détail'),
    difficulties: listOf('difficulty', 'Difficultés', 'Difficultés rencontrées par les collègues'),
    premises: ref('premises', 'Locaux et sécurité', 'Locaux, accessibilité, sécurité, projets immobiliers'),
    staffing: listOf('staff', 'Effectifs', 'Composition de l’équipe, rôle par rôle'),
    caseload: listOf('caseload', 'Charge de travail', 'Personnes ou mesures suivies, par rôle'),
    gaps: listOf('gap', 'Manques constatés', 'Postes qui manquent selon le syndicat'),
    climate: paragraphs('Climat', 'Esprit d’équipe, relations avec la hiérarchie et l’établissement'),
    demands: listOf('demand', 'Revendications', 'Demandes du syndicat pour ce site'),
  }, ['id', 'service', 'kind', 'name']),

  argument: record('Argument', 'Un paragraphe d’argumentation, éventuellement suivi de questions', {
    heading: prose('Intertitre', 'Intertitre facultatif'),
    text: prose('Texte', 'Le paragraphe'),
    questions: paragraphs('Questions', 'Questions posées, une par élément'),
    site: siteRef('Site dont parle l’argument'),
  }),
};

/** The root of a visit file. */
export const visitSchema: Node = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Visite syndicale',
  description: 'Un fichier par visite : ce qui a été vu, dit et demandé, et le bulletin à publier.',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'report', 'visit', 'services', 'sites'],
  properties: {
    version: { const: 1, title: 'Version du format', description: 'Version du format de fichier : 1' },
    report: record('Bulletin', 'Le bulletin publié : nature, syndicat, titre, texte', {
      kind: choice('Nature', 'Nature du bulletin', v.reportKinds),
      unions: list('Syndicats', 'Identifiants des syndicats signataires (le premier signe), p. ex. fo-justice-cpip, cgt-ip',
        id('Syndicat', 'Identifiant du syndicat')),
      style: id('Style', 'Style maison à utiliser (par défaut : celui du premier syndicat)'),
      title: prose('Titre', 'Titre du bulletin'),
      subtitle: prose('Sous-titre', 'Sous-titre du bulletin'),
      published: record('Publication', 'Lieu et date de publication', {
        date: day('Date', 'Date de publication'),
        place: prose('Lieu', 'Ville de publication, p. ex. « Montreuil »'),
      }, ['date']),
      lead: paragraphs('Chapeau', 'Paragraphes d’ouverture'),
      background: list('Contexte', 'Ce qui précède la visite, avec ses sources', record('Élément de contexte', 'Un paragraphe de contexte', {
        text: prose('Texte', 'Le paragraphe'),
        date: dayOrMonth('Date', 'Date de l’événement rappelé'),
        links: listOf('link', 'Liens', 'Sources publiques'),
      }, ['text'])),
      arguments: listOf('argument', 'Argumentaire', 'Paragraphes d’argumentation et questions'),
      demands: listOf('demand', 'Revendications', 'Demandes du syndicat'),
      thanks: paragraphs('Remerciements', 'Remerciements en fin de bulletin'),
      commitment: prose('Engagement', 'Phrase d’engagement final, p. ex. « restera mobilisée et vigilante »'),
      tags: list('Mots-clés', 'Mots-clés pour la publication', text('Mot-clé', 'Un mot-clé')),
    }, ['kind', 'unions', 'title', 'published']),
    visit: record('Visite', 'Déroulé de la visite', {
      dates: list('Dates', 'Jour(s) de la visite', day('Jour', 'Un jour de visite')),
      delegation: listOf('person', 'Délégation', 'Membres de la délégation syndicale, par rôle'),
      organisedBy: listOf('person', 'Organisée par', 'Qui a organisé la visite'),
      guidedBy: listOf('person', 'Conduite par', 'Qui a conduit la visite sur place'),
      facilitatedBy: listOf('person', 'Facilitée par', 'Qui a facilité la venue de la délégation'),
      met: listOf('group', 'Personnes rencontrées', 'Groupes et personnes rencontrés, par rôles'),
      authorities: listOf('authority', 'Autorités', 'Autorités absentes, ou présentes une partie seulement'),
      scope: paragraphs('Périmètre', 'Limites de la visite, p. ex. « toutes les antennes n’ont pas été visitées »'),
      followUp: list('Suites', 'Suites prévues', record('Suite', 'Une suite prévue', {
        text: prose('Suite', 'Ce qui est prévu'),
        date: dayOrMonth('Date', 'Quand'),
      }, ['text'])),
      method: prose('Méthode', 'Sur quoi repose le compte-rendu (observations, propos recueillis)'),
    }, ['dates']),
    services: list('Services', 'Services concernés (SPIP, DISP)', record('Service', 'Un service pénitentiaire d’insertion et de probation, ou autre', {
      id: id('Identifiant', 'Identifiant court, p. ex. spip62'),
      name: prose('Nom', 'Nom complet, p. ex. « SPIP du Pas-de-Calais »'),
      shortName: prose('Nom court', 'Nom court, p. ex. « SPIP 62 »'),
      departement: record('Département', 'Département du service', {
        code: text('Code', 'Code du département, p. ex. 62, 2A, 974', { pattern: '^([0-9]{2}|2[AB]|97[1-6])$' }),
        name: prose('Nom', 'Nom du département'),
      }, ['code', 'name']),
      disp: prose('DISP', 'Direction interrégionale de rattachement, p. ex. « DISP de Lille »'),
      headquarters: placeRef('Siège du service'),
    }, ['id', 'name'])),
    places: list('Lieux', 'Lieux cités dans le bulletin (établissements, antennes, partenaires)', record('Lieu', 'Un lieu cité', {
      id: id('Identifiant', 'Identifiant court du lieu'),
      kind: choice('Type', 'Type de lieu', v.placeKinds),
      name: prose('Nom', 'Nom du lieu, p. ex. « CP de Longuenesse »'),
      city: prose('Ville', 'Commune'),
      quarters: list('Quartiers', 'Quartiers, pour un établissement', choice('Quartier', 'Quartier', v.quarters)),
      note: prose('Précision', 'Précision sur le lieu'),
    }, ['id', 'kind', 'name'])),
    sites: listOf('site', 'Sites visités', 'Sites visités, dans l’ordre du bulletin'),
  },
  $defs,
};
