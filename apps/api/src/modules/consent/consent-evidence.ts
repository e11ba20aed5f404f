import type { RequestContext } from '../../context/request-context';
import { assertMayEdit } from '../../access/participant-access';
import { errors } from '../../graphql/errors';
import { saveChanges } from '../../graphql/save-changes';
import { checkedDocument, type UploadedFile } from '../documents/uploaded-file';
import { User } from '../users/user.entity';
import { ConsentEvidence } from './consent-evidence.entity';
import type { Consent } from './consent.entity';
import { findReadableConsent } from './consent.service';

/** Attaches (or replaces) the signed form of a consent. */
export async function attachEvidence(ctx: RequestContext, consentGlobalId: string, file: UploadedFile | null): Promise<ConsentEvidence> {
  const { consent, participant } = await findReadableConsent(ctx, consentGlobalId);
  assertMayEdit(ctx, participant);
  const values = {
    ...checkedDocument(ctx, file, { missing: 'error.evidenceMissing', type: 'error.evidenceType' }, 'formulaire'),
    uploadedAt: ctx.now,
    uploadedBy: ctx.em.getReference(User, ctx.actor!.userId),
  };
  const existing = await ctx.em.findOne(ConsentEvidence, { consent });
  const evidence = existing ? ctx.em.assign(existing, values) : ctx.em.create(ConsentEvidence, { tenant: consent.tenant, consent, ...values });
  await saveChanges(ctx);
  return evidence;
}

export async function readEvidence(ctx: RequestContext, consentGlobalId: string): Promise<ConsentEvidence> {
  const { consent } = await findReadableConsent(ctx, consentGlobalId);
  const evidence = await ctx.em.findOne(ConsentEvidence, { consent }, { populate: ['content'] });
  if (!evidence) throw errors.notFound(ctx, 'consentId');
  return evidence;
}

/** The evidence of each consent (without the file's bytes), in one query. */
export async function evidenceOf(ctx: RequestContext, consents: Consent[]): Promise<Map<string, ConsentEvidence>> {
  const found = consents.length ? await ctx.em.find(ConsentEvidence, { consent: { $in: consents.map((c) => c.id) } }) : [];
  return new Map(found.map((evidence) => [evidence.consent.id, evidence]));
}
