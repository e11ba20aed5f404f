import type { FastifyInstance } from 'fastify';
import type { RequestScopeDeps } from '../../context/request-scope';
import { inRestScope } from '../../context/rest-route';
import { uploadedFileOf } from '../documents/uploaded-file';
import { attachEvidence, readEvidence } from './consent-evidence';
import { consentFormPdf } from './consent-form';

/**
 * The consent's paper side: GET /participants/:id/consent-form.pdf (the form to print and sign),
 * POST /consents/:id/evidence (multipart `file`: the signed scan, PDF/JPEG/PNG) and
 * GET /consents/:id/evidence (that file back). Staff only, same session and rules as GraphQL.
 */
export function registerConsentDocumentRoutes(app: FastifyInstance, deps: RequestScopeDeps): void {
  app.get<{ Params: { id: string } }>('/participants/:id/consent-form.pdf', async (request, reply) => {
    const outcome = await inRestScope(deps, request, reply, 'followParticipants', (ctx) => consentFormPdf(ctx, request.params.id));
    if (!outcome.ok) return reply;
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${outcome.value.fileName}"`)
      .header('cache-control', 'no-store')
      .send(outcome.value.pdf);
  });

  app.post<{ Params: { id: string } }>('/consents/:id/evidence', async (request, reply) => {
    const file = await uploadedFileOf(request);
    const outcome = await inRestScope(deps, request, reply, 'followParticipants', (ctx) => attachEvidence(ctx, request.params.id, file));
    if (!outcome.ok) return reply;
    const { fileName, contentType, sizeBytes, uploadedAt } = outcome.value;
    return reply.code(201).send({ fileName, contentType, sizeBytes, uploadedAt });
  });

  app.get<{ Params: { id: string } }>('/consents/:id/evidence', async (request, reply) => {
    const outcome = await inRestScope(deps, request, reply, 'followParticipants', (ctx) => readEvidence(ctx, request.params.id));
    if (!outcome.ok) return reply;
    return reply
      .type(outcome.value.contentType)
      .header('content-disposition', `attachment; filename="${encodeURIComponent(outcome.value.fileName)}"`)
      .header('cache-control', 'no-store')
      .send(outcome.value.content);
  });
}
