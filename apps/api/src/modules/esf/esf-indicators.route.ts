import type { FastifyInstance } from 'fastify';
import type { RequestScopeDeps } from '../../context/request-scope';
import { inRestScope } from '../../context/rest-route';
import { fileNameOf } from '../../exports/export-document';
import { renderExportPdf } from '../../exports/pdf-writer';
import { xlsxBuffer } from '../../exports/xlsx-writer';
import { esfIndicators, esfIndicatorsDocument } from './esf-indicators';

const CONTENT_TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' } as const;

/**
 * GET /esf/indicators.xlsx|pdf?operationId=…[&from=…&to=…] — the ESF+ indicators as the page
 * shows them, to send to the managing authority or the board: same rules as GraphQL's `esfIndicators`.
 */
export function registerEsfIndicatorRoutes(app: FastifyInstance, deps: RequestScopeDeps): void {
  for (const format of ['xlsx', 'pdf'] as const) {
    app.get<{ Querystring: { operationId?: string; from?: string; to?: string } }>(`/esf/indicators.${format}`, async (request, reply) => {
      const { operationId, from, to } = request.query;
      const outcome = await inRestScope(deps, request, reply, 'readEsfIndicators', async (ctx) => {
        const indicators = await esfIndicators(ctx, operationId ?? '', { from, to });
        const document = esfIndicatorsDocument(ctx, indicators);
        const file = format === 'xlsx' ? await xlsxBuffer(document) : await renderExportPdf(document, ctx.now);
        return { file, name: `${fileNameOf(document.title)}-${indicators.operation.fileNumber}-${indicators.period.from}-${indicators.period.to}.${format}` };
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
