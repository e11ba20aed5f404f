import {
  ENDED_STATUSES,
  ExitKind as DomainExitKind,
  PATHWAY_TRANSITIONS,
  POSITIVE_EXITS,
  opensInJobFollowUp,
  type PathwayStatus as DomainPathwayStatus,
} from '@jalon/domain';
import type { ExitKind, PathwayStatus } from '@/gql/graphql';

/** Tag colours per status: the text always says the status, the colour only helps scanning a list. */
export function statusSeverity(status: PathwayStatus): 'info' | 'warn' | 'success' | 'danger' | 'contrast' | 'secondary' | undefined {
  switch (status) {
    case 'REFERRED':
      return 'info';
    case 'PENDING_ACCREDITATION':
      return 'warn';
    case 'ACTIVE':
      return 'success';
    case 'SUSPENDED':
      return 'danger';
    case 'EXITED':
      return 'contrast';
    case 'IN_JOB_FOLLOW_UP':
      return undefined; // primary
    case 'CLOSED':
      return 'secondary';
  }
}

/**
 * The status changes to offer for a pathway: the domain's status machine (the API refuses any
 * other). The in-job follow-up opens by itself when the exit is into a job; it is not offered by
 * hand after another kind of exit.
 */
export function allowedMoves(pathway: { status: PathwayStatus; exitKind: ExitKind | null }): PathwayStatus[] {
  return (PATHWAY_TRANSITIONS[pathway.status as DomainPathwayStatus] as readonly string[])
    .filter((to) => to !== 'IN_JOB_FOLLOW_UP' || (pathway.exitKind !== null && opensInJobFollowUp(pathway.exitKind as DomainExitKind)))
    .map((to) => to as PathwayStatus);
}

/** A pathway that has ended: the person may come back through a new entry. */
export function hasEnded(status: PathwayStatus): boolean {
  return (ENDED_STATUSES as readonly string[]).includes(status);
}

export const POSITIVE_EXIT_KINDS: readonly ExitKind[] = POSITIVE_EXITS.map((kind) => kind as ExitKind);
export const OTHER_EXIT_KINDS: readonly ExitKind[] = (Object.values(DomainExitKind) as string[])
  .filter((kind) => !(POSITIVE_EXITS as readonly string[]).includes(kind))
  .map((kind) => kind as ExitKind);

export function opensFollowUp(kind: ExitKind): boolean {
  return opensInJobFollowUp(kind as DomainExitKind);
}

/** ESF+ entry items answered yes / no / « ne souhaite pas répondre », in the order of the form. */
/** « Bénéficiaire du RSA » is a PLIE item, not an ESF+ one, answered the same way. */
export const ESF_QUESTIONS = ['disability', 'thirdCountryNational', 'foreignBackground', 'minority', 'homeless', 'ruralArea', 'minimumIncome'] as const;
export type EsfQuestion = (typeof ESF_QUESTIONS)[number];

/** The wording of a move: coming back from a suspension is « Reprendre le parcours », not an entry. */
export type MoveKey = 'PENDING_ACCREDITATION' | 'ACTIVE' | 'RESUME' | 'SUSPENDED' | 'EXITED' | 'IN_JOB_FOLLOW_UP' | 'CLOSED';

export function moveKey(from: PathwayStatus, to: PathwayStatus): MoveKey {
  if (to === 'ACTIVE' && from === 'SUSPENDED') return 'RESUME';
  return to as MoveKey;
}
