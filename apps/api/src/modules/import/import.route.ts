import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { RequestScopeDeps } from '../../context/request-scope';
import { inRestScope } from '../../context/rest-route';
import { toGlobalId } from '../../graphql/relay';
import { IMPORT_MAX_BYTES, IMPORT_SAMPLE } from './import-file-reader';
import { uploadImportFile } from './import.service';

/**
 * GET /imports/sample.csv gives the sample export; POST /imports (multipart `file`: a CSV or XLSX export of another tool) keeps the file, read, for
 * the mapping and the dry run that follow in GraphQL (`importFile`, `checkImport`, `runImport`).
 * A file over the limit is cut and refused as too large.
 */
export function registerImportRoutes(app: FastifyInstance, deps: RequestScopeDeps): void {
  // An export of the layout the import reads, to try it (the demo PLIE has its mapping saved).
  app.get('/imports/sample.csv', async (request, reply) => {
    const outcome = await inRestScope(deps, request, reply, 'importFiles', async () => readFile(IMPORT_SAMPLE));
    if (!outcome.ok) return reply;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="export-logiciel-precedent.csv"')
      .header('cache-control', 'no-store')
      .send(outcome.value);
  });

  app.post('/imports', async (request, reply) => {
    const part = request.isMultipart() ? await request.file({ limits: { fileSize: IMPORT_MAX_BYTES + 1 } }) : undefined;
    const file = part ? { fileName: part.filename, data: await part.toBuffer().catch(() => Buffer.alloc(IMPORT_MAX_BYTES + 1)) } : null;
    const outcome = await inRestScope(deps, request, reply, 'importFiles', async (ctx) => {
      const uploaded = await uploadImportFile(ctx, file);
      return { id: toGlobalId('ImportFile', uploaded.id), rowCount: uploaded.rowCount };
    });
    if (!outcome.ok) return reply;
    return reply.code(201).send(outcome.value);
  });
}
