import type { FastifyInstance } from 'fastify';
import type { RequestScopeDeps } from '../../context/request-scope';
import { inRestScope } from '../../context/rest-route';
import { uploadedFileOf } from '../documents/uploaded-file';
import { exportFile, importErrorFile } from './esf-export';
import { EsfExportType } from './esf-export.resolver';

/**
 * The files of the round trip with the managing authority, under the same rules as GraphQL:
 * GET /esf/exports/:id/file.csv (the file as it was sent) and POST /esf/exports/:id/error-file
 * (multipart `file`: the error file the authority returned for that export).
 */
export function registerEsfExportRoutes(app: FastifyInstance, deps: RequestScopeDeps): void {
  app.get<{ Params: { id: string } }>('/esf/exports/:id/file.csv', async (request, reply) => {
    const outcome = await inRestScope(deps, request, reply, 'manageEsfOperations', (ctx) => exportFile(ctx, request.params.id));
    if (!outcome.ok) return reply;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${outcome.value.name}"`)
      .header('cache-control', 'no-store')
      .send(outcome.value.content);
  });

  app.post<{ Params: { id: string } }>('/esf/exports/:id/error-file', async (request, reply) => {
    const file = await uploadedFileOf(request);
    const outcome = await inRestScope(deps, request, reply, 'manageEsfOperations', async (ctx) => {
      const answered = await importErrorFile(ctx, request.params.id, file);
      return (await EsfExportType.fromAll(ctx, [answered]))[0]!;
    });
    if (!outcome.ok) return reply;
    const { id, rejectedCount, errorFileName } = outcome.value;
    return reply.code(201).send({ id, rejectedCount, errorFileName });
  });
}
