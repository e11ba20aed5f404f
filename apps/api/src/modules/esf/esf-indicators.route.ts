import type { FastifyInstance } from 'fastify';
import type { RequestScopeDeps } from '../../context/request-scope';
import { fileNameOf } from '../../exports/export-document';
import { registerReportDownloads } from '../../exports/report-download-route';
import { esfIndicators, esfIndicatorsDocument } from './esf-indicators';

/**
 * GET /esf/indicators.xlsx|pdf?operationId=…[&from=…&to=…] — the ESF+ indicators as the page
 * shows them, to send to the managing authority or the board: same rules as GraphQL's `esfIndicators`.
 */
export function registerEsfIndicatorRoutes(app: FastifyInstance, deps: RequestScopeDeps): void {
  registerReportDownloads<{ operationId?: string; from?: string; to?: string }>(app, deps, '/esf/indicators', 'readEsfIndicators', async (ctx, query) => {
    const indicators = await esfIndicators(ctx, query.operationId ?? '', query);
    const document = esfIndicatorsDocument(ctx, indicators);
    return { document, name: `${fileNameOf(document.title)}-${indicators.operation.fileNumber}-${indicators.period.from}-${indicators.period.to}` };
  });
}
