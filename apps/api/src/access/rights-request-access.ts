import { OrganisationKind } from '@jalon/domain';

/**
 * Who is told of a participant's request for correction or erasure: the animation team, whose
 * members answer them (capability answerRightsRequests).
 */
export const RIGHTS_REQUEST_RECIPIENT_KINDS: readonly OrganisationKind[] = [OrganisationKind.ANIMATION_TEAM];
