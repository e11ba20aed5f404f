/** Messages the API sends to people, French first. Keys are stable; the portal shows the text as is. */
const fr = {
  'error.internal': 'Une erreur inattendue est survenue. Réessayez ; si elle persiste, prévenez votre administrateur.',
  'error.unauthenticated': 'Connectez-vous pour continuer.',
  'error.sessionExpired': 'Votre session a expiré. Reconnectez-vous.',
  'error.invalidCredentials': 'Adresse e-mail ou mot de passe incorrect.',
  'error.accountLocked': 'Trop de tentatives de connexion échouées. Réessayez dans {minutes} minutes.',
  'error.tooManyAttempts': 'Trop de tentatives de connexion depuis cette adresse. Réessayez plus tard.',
  'error.forbidden': "Vous n'avez pas les droits nécessaires pour cette action.",
  'error.noActiveMembership': "Vous n'avez plus d'accès actif à ce PLIE.",
  'error.notFound': 'Élément introuvable.',
  'error.conflict': "Quelqu'un d'autre a modifié cet élément entre-temps. Rechargez-le pour voir ses changements, puis refaites les vôtres.",
  'error.invalidId': 'Identifiant invalide.',
  'error.required': 'Ce champ est obligatoire.',
  'error.emailInvalid': 'Adresse e-mail invalide.',
  'error.passwordTooShort': 'Le mot de passe doit contenir au moins {min} caractères.',
  'error.passwordTooLong': 'Le mot de passe doit contenir au plus {max} caractères.',
  'error.nameTaken': 'Une organisation porte déjà ce nom.',
  'error.siaeKindOnlyForIntegrationCompany': "Le type de SIAE ne concerne que les structures d'insertion.",
  'error.siaeKindRequired': "Précisez le type de SIAE de cette structure d'insertion.",
  'error.inseeCodeInvalid': 'Le code INSEE comporte 5 caractères (ex. 38185).',
  'error.inseeCodeOnlyForCommune': 'Le code INSEE ne concerne que les communes.',
  'error.siretInvalid': 'Le SIRET comporte 14 chiffres.',
  'error.roleNotAllowed': "Ce rôle n'est pas possible dans ce type d'organisation.",
  'error.alreadyMember': 'Cette personne a déjà un accès actif à cette organisation.',
  'error.invitationInvalid': "Cette invitation n'est plus valable. Demandez-en une nouvelle à votre administrateur.",
  'error.existingAccountPassword': 'Un compte existe déjà avec cette adresse : saisissez son mot de passe actuel.',
  'error.cannotDeactivateSelf': 'Vous ne pouvez pas désactiver votre propre accès.',
  'error.tooLong': 'Ce texte est trop long ({max} caractères au plus).',
  'error.idempotencyKeyInvalid': "La clé d'idempotence doit compter de 8 à 100 lettres, chiffres, « - » ou « _ ».",
  'error.idempotencyKeyReused': "Cette clé d'idempotence a déjà servi pour une autre opération.",
  'error.notYourCaseload': "Ce dossier appartient au portefeuille d'un ou d'une collègue : vous pouvez le consulter, pas le modifier.",
  'error.dateInvalid': 'Date invalide (format attendu : AAAA-MM-JJ).',
  'error.dateInFuture': 'Cette date ne peut pas être dans le futur.',
  'error.birthDateImplausible': 'Date de naissance peu plausible : la personne aurait moins de 16 ans ou plus de 100 ans.',
  'error.postcodeInvalid': 'Le code postal comporte 5 chiffres.',
  'error.communeUnknown': 'Commune inconnue (code INSEE).',
  'error.qpvCodeInvalid': 'Code de quartier prioritaire invalide (ex. QN03801M).',
  'error.phoneInvalid': 'Numéro de téléphone invalide.',
  'error.educationLevelInvalid': 'Le niveau CITE va de 0 à 8.',
  'error.referentInvalid': 'Choisissez un référent de parcours actif de ce PLIE.',
  'error.possibleDuplicate': "Une personne du même nom née le même jour est déjà suivie. Vérifiez, puis confirmez qu'il s'agit bien d'une autre personne.",
  'error.transitionNotAllowed': "Ce changement de statut n'est pas possible depuis « {from} ».",
  'error.dateBeforeEntry': "Cette date est antérieure à l'entrée dans le parcours.",
  'error.exitKindRequired': 'Précisez le motif de sortie.',
  'error.pathwayStillOpen': 'Le parcours en cours doit être terminé avant une nouvelle entrée.',
};

type Key = keyof typeof fr;

const en: Record<Key, string> = {
  'error.internal': 'Something unexpected went wrong. Try again; if it persists, tell your administrator.',
  'error.unauthenticated': 'Log in to continue.',
  'error.sessionExpired': 'Your session has expired. Please log in again.',
  'error.invalidCredentials': 'Wrong email address or password.',
  'error.accountLocked': 'Too many failed logins. Try again in {minutes} minutes.',
  'error.tooManyAttempts': 'Too many login attempts from this address. Try again later.',
  'error.forbidden': 'You are not allowed to do this.',
  'error.noActiveMembership': 'You no longer have active access to this PLIE.',
  'error.notFound': 'Not found.',
  'error.conflict': 'Someone else changed this in the meantime. Reload it to see their changes, then make yours again.',
  'error.invalidId': 'Invalid identifier.',
  'error.required': 'This field is required.',
  'error.emailInvalid': 'Invalid email address.',
  'error.passwordTooShort': 'The password must be at least {min} characters long.',
  'error.passwordTooLong': 'The password must be at most {max} characters long.',
  'error.nameTaken': 'An organisation already has this name.',
  'error.siaeKindOnlyForIntegrationCompany': 'The SIAE kind only applies to integration companies.',
  'error.siaeKindRequired': 'Give the SIAE kind of this integration company.',
  'error.inseeCodeInvalid': 'An INSEE code has 5 characters (e.g. 38185).',
  'error.inseeCodeOnlyForCommune': 'An INSEE code only applies to communes.',
  'error.siretInvalid': 'A SIRET has 14 digits.',
  'error.roleNotAllowed': 'This role is not possible in this kind of organisation.',
  'error.alreadyMember': 'This person already has active access to this organisation.',
  'error.invitationInvalid': 'This invitation is no longer valid. Ask your administrator for a new one.',
  'error.existingAccountPassword': 'An account already exists with this address: enter its current password.',
  'error.cannotDeactivateSelf': 'You cannot deactivate your own access.',
  'error.tooLong': 'This text is too long ({max} characters at most).',
  'error.idempotencyKeyInvalid': 'An idempotency key has 8 to 100 letters, digits, "-" or "_".',
  'error.idempotencyKeyReused': 'This idempotency key was already used for another operation.',
  'error.notYourCaseload': "This file belongs to a colleague's caseload: you may read it, not change it.",
  'error.dateInvalid': 'Invalid date (expected format: YYYY-MM-DD).',
  'error.dateInFuture': 'This date cannot be in the future.',
  'error.birthDateImplausible': 'Implausible birth date: the person would be under 16 or over 100.',
  'error.postcodeInvalid': 'A postcode has 5 digits.',
  'error.communeUnknown': 'Unknown commune (INSEE code).',
  'error.qpvCodeInvalid': 'Invalid priority district code (e.g. QN03801M).',
  'error.phoneInvalid': 'Invalid phone number.',
  'error.educationLevelInvalid': 'The ISCED level goes from 0 to 8.',
  'error.referentInvalid': 'Choose an active path referent of this PLIE.',
  'error.possibleDuplicate': 'A person with the same name born the same day is already followed. Check, then confirm this is someone else.',
  'error.transitionNotAllowed': 'This status change is not possible from "{from}".',
  'error.dateBeforeEntry': 'This date is before the entry into the pathway.',
  'error.exitKindRequired': 'Give the exit reason.',
  'error.pathwayStillOpen': 'The current pathway must end before a new entry.',
};

export type MessageKey = Key;
export type Locale = 'fr' | 'en';
export const LOCALES: readonly Locale[] = ['fr', 'en'];

const catalogs: Record<Locale, Record<Key, string>> = { fr, en };

export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogs[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Picks French unless the request asks for English (the portal sends its language as Accept-Language). */
export function pickLocale(preferred: string | undefined | null): Locale {
  return preferred?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}
