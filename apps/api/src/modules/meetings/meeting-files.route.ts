import type { FastifyInstance } from 'fastify';
import type { RequestScopeDeps } from '../../context/request-scope';
import { inRestScope } from '../../context/rest-route';
import { toGlobalId } from '../../graphql/relay';
import { uploadedFileOf } from '../documents/uploaded-file';
import { readMeetingDocument } from './meeting-agenda';
import { meetingPdf } from './meeting-minutes.pdf';
import { attachMeetingDocument } from './meeting.service';

/**
 * A meeting's files: GET /meetings/:id/minutes.pdf (the agenda, then the minutes, as the viewer's
 * organisation may see them; staff add ?organisation= for an invited organisation's copy),
 * POST /meetings/:id/documents (multipart `file`; ?item= for an item's document, staff) and
 * GET /meeting-documents/:id. Same session, rules and redaction as GraphQL.
 */
export function registerMeetingFileRoutes(app: FastifyInstance, deps: RequestScopeDeps): void {
  app.get<{ Params: { id: string }; Querystring: { organisation?: string } }>('/meetings/:id/minutes.pdf', async (request, reply) => {
    const outcome = await inRestScope(deps, request, reply, 'actInTenant', (ctx) => meetingPdf(ctx, request.params.id, request.query.organisation));
    if (!outcome.ok) return reply;
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${outcome.value.fileName}"`)
      .header('cache-control', 'no-store')
      .send(outcome.value.pdf);
  });

  app.post<{ Params: { id: string }; Querystring: { item?: string } }>('/meetings/:id/documents', async (request, reply) => {
    const file = await uploadedFileOf(request);
    const outcome = await inRestScope(deps, request, reply, 'runMeetings', (ctx) =>
      attachMeetingDocument(ctx, request.params.id, request.query.item ?? null, file),
    );
    if (!outcome.ok) return reply;
    const { id, fileName, contentType, sizeBytes, uploadedAt } = outcome.value;
    return reply.code(201).send({ id: toGlobalId('MeetingDocument', id), fileName, contentType, sizeBytes, uploadedAt });
  });

  app.get<{ Params: { id: string } }>('/meeting-documents/:id', async (request, reply) => {
    const outcome = await inRestScope(deps, request, reply, 'actInTenant', (ctx) => readMeetingDocument(ctx, request.params.id));
    if (!outcome.ok) return reply;
    return reply
      .type(outcome.value.contentType)
      .header('content-disposition', `attachment; filename="${encodeURIComponent(outcome.value.fileName)}"`)
      .header('cache-control', 'no-store')
      .send(outcome.value.content);
  });
}
