import type { FastifyInstance } from 'fastify';
import type { RequestScopeDeps } from '../../context/request-scope';
import { inRestScope } from '../../context/rest-route';
import { toGlobalId } from '../../graphql/relay';
import { uploadedFileOf } from '../documents/uploaded-file';
import { attachToReferral, readAttachment } from './referral.service';

/**
 * A referral's documents: POST /referrals/:id/attachments (multipart `file`, PDF/JPEG/PNG) and
 * GET /referral-attachments/:id (the file back), for staff and the partners who made the referral,
 * same session and rules as GraphQL.
 */
export function registerReferralAttachmentRoutes(app: FastifyInstance, deps: RequestScopeDeps): void {
  app.post<{ Params: { id: string } }>('/referrals/:id/attachments', async (request, reply) => {
    const file = await uploadedFileOf(request);
    const outcome = await inRestScope(deps, request, reply, 'actInTenant', (ctx) => attachToReferral(ctx, request.params.id, file));
    if (!outcome.ok) return reply;
    const { id, fileName, contentType, sizeBytes, uploadedAt } = outcome.value;
    return reply.code(201).send({ id: toGlobalId('ReferralAttachment', id), fileName, contentType, sizeBytes, uploadedAt });
  });

  app.get<{ Params: { id: string } }>('/referral-attachments/:id', async (request, reply) => {
    const outcome = await inRestScope(deps, request, reply, 'actInTenant', (ctx) => readAttachment(ctx, request.params.id));
    if (!outcome.ok) return reply;
    return reply
      .type(outcome.value.contentType)
      .header('content-disposition', `attachment; filename="${encodeURIComponent(outcome.value.fileName)}"`)
      .header('cache-control', 'no-store')
      .send(outcome.value.content);
  });
}
