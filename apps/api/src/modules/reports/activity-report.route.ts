import type { FastifyInstance } from 'fastify';
import type { RequestScopeDeps } from '../../context/request-scope';
import { inRestScope } from '../../context/rest-route';
import { fileNameOf } from '../../exports/export-document';
import { renderExportPdf } from '../../exports/pdf-writer';
import { xlsxBuffer } from '../../exports/xlsx-writer';
import { activityReport, activityReportDocument } from './activity-report';

const CONTENT_TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' } as const;

type Query = { from?: string; to?: string; operatorId?: string; referentId?: string; communeCode?: string };

/**
 * GET /reports/activity.xlsx|pdf?from=…&to=…[&operatorId=…|&referentId=…|&communeCode=…] — the
 * activity report as the page shows it, to send on: a sheet per table, or a PDF with the charts.
 * Same period, scope and rules as GraphQL's `activityReport` (access/activity-report-access.ts).
 */
export function registerActivityReportRoutes(app: FastifyInstance, deps: RequestScopeDeps): void {
  for (const format of ['xlsx', 'pdf'] as const) {
    app.get<{ Querystring: Query }>(`/reports/activity.${format}`, async (request, reply) => {
      const { from, to, ...scope } = request.query;
      const outcome = await inRestScope(deps, request, reply, 'readActivityReports', async (ctx) => {
        const document = activityReportDocument(ctx, await activityReport(ctx, { from, to }, scope));
        const file = format === 'xlsx' ? await xlsxBuffer(document) : await renderExportPdf(document, ctx.now);
        return { file, name: `${fileNameOf(document.title)}-${from ?? ''}-${to ?? ''}.${format}`.replace(/--+/g, '-') };
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
