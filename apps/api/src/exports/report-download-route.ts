import type { FastifyInstance } from 'fastify';
import type { Capability } from '@jalon/domain';
import type { RequestContext } from '../context/request-context';
import type { RequestScopeDeps } from '../context/request-scope';
import { inRestScope } from '../context/rest-route';
import type { ExportDocument } from './export-document';
import { renderExportPdf } from './pdf-writer';
import { xlsxBuffer } from './xlsx-writer';

const CONTENT_TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' } as const;

/**
 * GET `<path>.xlsx` and `<path>.pdf`: a report as the page shows it, to send on. `build` makes the
 * document and its file name (without extension) from the query, under the same rules as the
 * report's GraphQL query: the capability gates the route, the request's scope does the rest.
 */
export function registerReportDownloads<Query extends Record<string, string | undefined>>(
  app: FastifyInstance,
  deps: RequestScopeDeps,
  path: string,
  capability: Capability,
  build: (ctx: RequestContext, query: Query) => Promise<{ document: ExportDocument; name: string }>,
): void {
  for (const format of ['xlsx', 'pdf'] as const) {
    app.get<{ Querystring: Query }>(`${path}.${format}`, async (request, reply) => {
      const outcome = await inRestScope(deps, request, reply, capability, async (ctx) => {
        const { document, name } = await build(ctx, request.query as Query);
        const file = format === 'xlsx' ? await xlsxBuffer(document) : await renderExportPdf(document, ctx.now);
        return { file, name: `${name}.${format}` };
      });
      if (!outcome.ok) return reply;
      return reply
        .type(CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${outcome.value.name}"`)
        .header('cache-control', 'no-store')
        .send(outcome.value.file);
    });
  }
}
