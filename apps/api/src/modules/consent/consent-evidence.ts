import { createHash } from 'node:crypto';
import type { RequestContext } from '../../context/request-context';
import { assertCanEdit } from '../../access/participant-access';
import { errors } from '../../graphql/errors';
import { saveChanges } from '../../graphql/save-changes';
import { User } from '../users/user.entity';
import { ConsentEvidence } from './consent-evidence.entity';
import type { Consent } from './consent.entity';
import { findReadableConsent } from './consent.service';

export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

/** What a signed form may be, recognised by its first bytes (the declared type is not trusted). */
const SIGNATURES: Array<{ contentType: string; magic: number[] }> = [
  { contentType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  { contentType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { contentType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
];

function detectedType(data: Buffer): string | null {
  return SIGNATURES.find(({ magic }) => magic.every((byte, i) => data[i] === byte))?.contentType ?? null;
}

/** Attaches (or replaces) the signed form of a consent. */
export async function attachEvidence(ctx: RequestContext, consentGlobalId: string, file: { fileName: string; data: Buffer } | null): Promise<ConsentEvidence> {
  const { consent, participant } = await findReadableConsent(ctx, consentGlobalId);
  assertCanEdit(ctx, participant);
  if (!file || file.data.length === 0) throw errors.badInput(ctx, 'file', 'error.evidenceMissing');
  if (file.data.length > EVIDENCE_MAX_BYTES) throw errors.badInput(ctx, 'file', 'error.fileTooLarge');
  const contentType = detectedType(file.data);
  if (!contentType) throw errors.badInput(ctx, 'file', 'error.evidenceType');
  const values = {
    fileName: file.fileName.replace(/[^\p{L}\p{N} ._-]/gu, '_').slice(0, 200) || 'formulaire',
    contentType,
    sizeBytes: file.data.length,
    sha256: createHash('sha256').update(file.data).digest('hex'),
    content: file.data,
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
