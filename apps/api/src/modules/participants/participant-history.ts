import type { RequestContext } from '../../context/request-context';
import { activeMembership } from '../../access/tenant-scope';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { ParticipantChange, type FieldChange } from './participant-change.entity';
import type { Participant } from './participant.entity';

type Value = FieldChange['before'];

/** The fields that differ between two snapshots of the same record. */
export function diff(before: Record<string, Value>, after: Record<string, Value>): FieldChange[] {
  return Object.keys(after)
    .filter((field) => (before[field] ?? null) !== (after[field] ?? null))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

/** Appends an entry to the file's history, in the same transaction as the change itself. */
export function recordChange(ctx: RequestContext, participant: Participant, action: string, changes: FieldChange[]): void {
  if (changes.length === 0) return;
  ctx.em.create(ParticipantChange, {
    tenant: ctx.em.getReference(Tenant, activeMembership(ctx).tenantId),
    participant,
    at: ctx.now,
    author: ctx.em.getReference(User, ctx.actor!.userId),
    action,
    changes,
  });
}
