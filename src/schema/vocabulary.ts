/**
 * The closed vocabularies of the visit file: roles, kinds of sites, offices,
 * statuses. Each value carries the French text an editor shows for it.
 */
import type { Choices } from './build.js';

/** Roles of people and bodies, written instead of names. */
export const roles: Choices = {
  dfspip: 'Directeur·rice fonctionnel·le du SPIP (DFSPIP)',
  'dfspip-adjoint': 'Directeur·rice fonctionnel·le adjoint·e du SPIP',
  dpip: "Directeur·rice pénitentiaire d'insertion et de probation (DPIP)",
  'chef-antenne': "Chef·fe d'antenne",
  cpip: "Conseiller·ère pénitentiaire d'insertion et de probation (CPIP)",
  'stagiaire-cpip': 'CPIP stagiaire',
  pa: 'Personnel administratif (PA)',
  sa: 'Secrétaire administratif·ve (SA)',
  aa: 'Adjoint·e administratif·ve (AA)',
  ass: 'Assistant·e de service social (ASS)',
  ase: 'Agent·e de surveillance électronique (ASE)',
  psychologue: 'Psychologue',
  'coordinateur-culturel': 'Coordonnateur·rice culturel·le',
  'agent-prevention': 'Agent·e de prévention',
  'service-civique': 'Volontaire en service civique',
  stagiaire: 'Stagiaire (autre que CPIP)',
  'cip-ipro': 'Conseiller·ère en insertion professionnelle du service IPRO (CIP)',
  surveillant: 'Personnel de surveillance',
  'direction-etablissement': "Direction de l'établissement pénitentiaire",
  'direction-spip': 'Direction du SPIP (siège)',
  'direction-disp': 'Direction interrégionale des services pénitentiaires (DISP)',
  dap: "Direction de l'administration pénitentiaire (DAP)",
  atigip: "Agence du travail d'intérêt général et de l'insertion professionnelle (ATIGIP)",
  'equipe-projet': "Équipe projet d'un établissement ou d'un dispositif",
  'secretaire-syndical': 'Secrétaire syndical·e (local·e, régional·e ou national·e)',
  'delegue-syndical': 'Délégué·e syndical·e',
  collegues: 'Collègues en général (toutes fonctions)',
  autre: 'Autre rôle : précisez-le dans `label`',
};

/** Kinds of report a union publishes. */
export const reportKinds: Choices = {
  'compte-rendu': 'Compte-rendu de visite : constats site par site, puis remerciements',
  communique: 'Communiqué : une prise de position argumentée, des questions et des revendications',
};

/** Kinds of site a delegation visits. */
export const siteKinds: Choices = {
  'antenne-mo': 'Antenne de milieu ouvert (ALIP MO, SPIP MO)',
  'antenne-mf': "Antenne de milieu fermé, au sein d'un établissement (ALIP MF)",
  'antenne-mixte': 'Antenne mixte (milieu ouvert et fermé)',
  etablissement: 'Établissement pénitentiaire (CP, MA, CD, MC, EPM, SAS…)',
  inserre: "Établissement InSERRE (insertion et réinsertion par l'emploi)",
  siege: 'Siège du SPIP',
  'pole-tig': "Pôle de travail d'intérêt général",
  autre: 'Autre site : précisez-le dans `name`',
};

/** Quarters of a prison. */
export const quarters: Choices = {
  MA: "Maison d'arrêt",
  CD: 'Centre de détention',
  MC: 'Maison centrale',
  SAS: 'Structure d’accompagnement vers la sortie',
  QSL: 'Quartier de semi-liberté',
  QPA: 'Quartier pour peines aménagées',
  CSL: 'Centre de semi-liberté',
  EPM: 'Établissement pénitentiaire pour mineurs',
  QM: 'Quartier mineurs',
  QF: 'Quartier femmes',
  UHSA: 'Unité hospitalière spécialement aménagée',
  autre: 'Autre quartier',
};

/** Parts of a site: quarters, teams, poles. */
export const unitKinds: Choices = {
  quartier: "Quartier d'un établissement (grand quartier, SAS…)",
  equipe: "Équipe au sein d'une antenne",
  pole: 'Pôle (TIG, PSE, insertion…)',
  autre: 'Autre subdivision',
};

/** Kinds of places mentioned in a report. */
export const placeKinds: Choices = {
  etablissement: 'Établissement pénitentiaire',
  antenne: 'Antenne ou service du SPIP',
  siege: 'Siège du SPIP ou de la DISP',
  juridiction: 'Juridiction (tribunal, JAP)',
  sante: 'Structure de soins (CMP, hôpital)',
  enseignement: 'Établissement d’enseignement (faculté…)',
  partenaire: 'Partenaire (association, collectivité…)',
  autre: 'Autre lieu',
};

/** Topics of difficulties. */
export const topics: Choices = {
  cap: "Commissions d'application des peines (CAP) et leur préparation",
  locaux: 'Locaux, bureaux, installation',
  securite: 'Sécurité des personnels et des publics',
  acces: 'Accès au site : transports, stationnement',
  partenariat: 'Partenariat (soins, insertion, hébergement…)',
  rps: 'Risques psychosociaux, climat de travail',
  administratif: 'Démarches administratives, outils (CHORUS DT, ORIGINE…)',
  communication: 'Communication avec la hiérarchie ou le siège',
  effectifs: 'Effectifs et charge de travail',
  organisation: 'Organisation du service, réorganisation',
  missions: 'Missions et doctrine du service',
  autre: 'Autre sujet',
};

/** Who a reported fact comes from. */
export const sources: Choices = {
  agents: 'Rapporté par les collègues rencontrés',
  encadrement: "Rapporté par l'encadrement ou la direction",
  syndicat: 'Constaté par la délégation syndicale',
  document: 'Tiré d’un document (note, plan, compte-rendu)',
  autre: 'Autre source',
};

/** Kinds of office. */
export const officeKinds: Choices = {
  bureau: 'Bureau, sans autre précision',
  individuel: 'Bureau individuel',
  partage: 'Bureau partagé',
  'open-space': 'Open-space',
  direction: 'Bureau de direction (DPIP, chef·fe d’antenne)',
  secretariat: 'Secrétariat',
  entretien: "Box ou bureau d'entretien",
  reunion: 'Salle de réunion',
  archives: 'Archives, rangement',
  autre: 'Autre pièce',
};

/** Statuses within a headcount ("dont…"). */
export const statuses: Choices = {
  contractuel: 'Agent·e contractuel·le',
  detache: 'Détaché·e ou mis·e à disposition ailleurs (absent·e du service)',
  'conge-long': 'En congé long (CLM, CLD, maternité…) : précisez `leave`',
  depart: 'Sur le départ (mutation, licenciement, retraite…)',
  arrivee: 'Arrivé·e récemment',
  'faisant-fonction': 'Faisant fonction d’un autre rôle : précisez `actingAs`',
  'temps-partiel': 'À temps partiel : précisez `rate`',
  stagiaire: 'En formation ou stagiaire',
};

/** Kinds of leave. */
export const leaveKinds: Choices = {
  CMO: 'Congé de maladie ordinaire',
  CLM: 'Congé de longue maladie',
  CLD: 'Congé de longue durée',
  maternite: 'Congé de maternité',
  paternite: 'Congé de paternité',
  parental: 'Congé parental',
  formation: 'Congé de formation',
  autre: 'Autre congé',
};

/** Units of caseload. */
export const caseloadUnits: Choices = {
  ppsmj: 'Personnes placées sous main de justice (PPSMJ) suivies',
  pse: 'Personnes sous surveillance électronique (bracelets)',
  mesures: 'Mesures suivies',
  dossiers: 'Dossiers',
  places: 'Places',
};

/** The union's assessment of a caseload. */
export const assessments: Choices = {
  satisfaisant: 'Ratio jugé satisfaisant',
  tendu: 'Ratio tendu',
  excessif: 'Ratio excessif',
};

/** How much of a visit an authority attended. */
export const presence: Choices = {
  absent: 'Absent·e de toute la visite',
  fin: 'Présent·e seulement à la fin de la visite',
  debut: 'Présent·e seulement au début de la visite',
  partiel: 'Présent·e une partie de la visite',
  present: 'Présent·e toute la visite',
};

/** Whether staff were consulted. */
export const consultation: Choices = {
  oui: 'Les agents ont été consultés',
  non: "Les agents n'ont pas été consultés",
  partiel: 'Les agents ont été informés sans être réellement consultés',
};

/** Kinds of legal reference. */
export const legalKinds: Choices = {
  code: "Article d'un code : précisez `code` et `article`",
  loi: 'Loi : précisez `date` et, si possible, `number`',
  decret: 'Décret : précisez `date` et, si possible, `number`',
  circulaire: 'Circulaire, note ou instruction',
  autre: 'Autre texte',
};

/** Codes a legal reference can cite. */
export const codes: Choices = {
  CPP: 'Code de procédure pénale',
  CP: 'Code pénal',
  CPJ: 'Code pénitentiaire',
  CT: 'Code du travail',
  CGFP: 'Code général de la fonction publique',
};

/** Effect of telework on working conditions. */
export const effects: Choices = {
  ameliore: 'A amélioré les conditions de travail',
  neutre: 'Sans effet notable',
  degrade: 'A dégradé les conditions de travail',
};

/** Where a milestone stands. */
export const milestoneStatus: Choices = {
  prevu: 'Prévu',
  fait: 'Réalisé',
  reporte: 'Reporté',
  abandonne: 'Abandonné',
};
