import type { ParticipantFileFragment, PathwayFieldsFragment } from '@/gql/graphql';

/**
 * The API returns null for what consent does not share with a partner (README, "Sharing with partners"), so the
 * schema makes those fields nullable. Staff always read them: the staff screens narrow once, here,
 * and show their error state when a value is missing, instead of checking every field everywhere.
 */
type Present<T, K extends keyof T> = Omit<T, K> & { [P in K]: NonNullable<T[P]> };

/** Something edited under optimistic locking, with the version that was read. */
export type Versioned<T extends { version: number | null }> = Present<T, 'version'>;

/** The item with its version, or null when the viewer was not given one (nothing to edit then). */
export function versioned<T extends { version: number | null }>(item: T): Versioned<T> | null {
  return item.version === null ? null : { ...item, version: item.version };
}

export type StaffPathway = Present<PathwayFieldsFragment, 'version' | 'missingEsfFields'>;

export type StaffParticipantFile = Present<Omit<ParticipantFileFragment, 'currentPathway' | 'pathways'>, 'birthDate' | 'referent' | 'alerts' | 'version'> & {
  currentPathway: StaffPathway;
  pathways: StaffPathway[];
};

export function staffPathway(pathway: PathwayFieldsFragment | null): StaffPathway | null {
  if (!pathway || pathway.version === null || pathway.missingEsfFields === null) return null;
  return { ...pathway, version: pathway.version, missingEsfFields: pathway.missingEsfFields };
}

/** The file as a staff member reads it, or null when a field staff always get is missing. */
export function staffFile(file: ParticipantFileFragment): StaffParticipantFile | null {
  const { birthDate, referent, alerts, version } = file;
  const currentPathway = staffPathway(file.currentPathway);
  const pathways = (file.pathways ?? []).map(staffPathway);
  if (birthDate === null || referent === null || alerts === null || version === null || currentPathway === null || file.pathways === null) return null;
  if (pathways.some((p) => p === null)) return null;
  return { ...file, birthDate, referent, alerts, version, currentPathway, pathways: pathways.filter((p): p is StaffPathway => p !== null) };
}
