import { ConsentPurpose, DataClass } from './consent';
import { OrganisationKind } from './organisation-kind';

/**
 * Sharing presets the referent starts from, per partner kind (the form can then be adjusted).
 * `ownStagesOnly`: the stage scope is the stages the chosen organisation operates.
 */
export interface SharingPreset {
  key: string;
  partnerKind: OrganisationKind;
  dataClasses: readonly DataClass[];
  purpose: ConsentPurpose;
  ownStagesOnly: boolean;
  label: { fr: string; en: string };
}

const preset = (
  key: string,
  partnerKind: OrganisationKind,
  dataClasses: DataClass[],
  purpose: ConsentPurpose,
  ownStagesOnly: boolean,
  fr: string,
  en: string,
): SharingPreset => ({ key, partnerKind, dataClasses, purpose, ownStagesOnly, label: { fr, en } });

export const SHARING_PRESETS: readonly SharingPreset[] = [
  preset(
    'COMMUNE_REFERRAL',
    OrganisationKind.COMMUNE,
    [DataClass.PATHWAY_STATUS, DataClass.STAGE_LIST],
    ConsentPurpose.REFERRAL_FOLLOW_UP,
    false,
    'Commune qui a orienté : statut du parcours et liste des étapes',
    'Referring commune: pathway status and stage list',
  ),
  preset(
    'SIAE_CONTRACT',
    OrganisationKind.INTEGRATION_COMPANY,
    [DataClass.STAGE_LIST, DataClass.STAGE_DETAILS, DataClass.CONTRACT_REPORTS],
    ConsentPurpose.CONTRACT_REPORTING,
    true,
    'Structure d’insertion : son étape de contrat et ses comptes rendus',
    'Integration company: its contract stage and reports',
  ),
  preset(
    'TRAINING',
    OrganisationKind.TRAINING_OPERATOR,
    [DataClass.STAGE_LIST, DataClass.STAGE_DETAILS, DataClass.TRAINING_REPORTS],
    ConsentPurpose.TRAINING_FOLLOW_UP,
    true,
    'Organisme de formation : sa formation et ses comptes rendus',
    'Training operator: its training and reports',
  ),
  preset(
    'COORDINATION',
    OrganisationKind.OTHER_PARTNER,
    [DataClass.PATHWAY_STATUS],
    ConsentPurpose.COORDINATION_MEETINGS,
    false,
    'Réunion de coordination : statut du parcours',
    'Coordination meeting: pathway status',
  ),
  preset(
    'EMPLOYER_CANDIDACY',
    OrganisationKind.INTEGRATION_COMPANY,
    [DataClass.JOB_APPLICATION, DataClass.IDENTITY_CONTACT],
    ConsentPurpose.JOB_APPLICATION,
    false,
    'Employeur : sa candidature sur une offre (identité et présentation), jamais le dossier',
    'Employer: the candidacy on its offer (identity and presentation), never the file',
  ),
];

/** The version of the information notice currently handed to participants (printed on the consent form). */
export const CONSENT_NOTICE_VERSION = 'notice-2026-11';
