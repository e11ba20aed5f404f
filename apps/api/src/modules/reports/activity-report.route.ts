import type { FastifyInstance } from 'fastify';
import type { RequestScopeDeps } from '../../context/request-scope';
import { fileNameOf } from '../../exports/export-document';
import { registerReportDownloads } from '../../exports/report-download-route';
import { activityReport, activityReportDocument } from './activity-report';

type Query = { from?: string; to?: string; operatorId?: string; referentId?: string; communeCode?: string };

/**
 * GET /reports/activity.xlsx|pdf?from=…&to=…[&operatorId=…|&referentId=…|&communeCode=…] — the
 * activity report as the page shows it, to send on: a sheet per table, or a PDF with the charts.
 * Same period, scope and rules as GraphQL's `activityReport` (access/activity-report-access.ts).
 */
export function registerActivityReportRoutes(app: FastifyInstance, deps: RequestScopeDeps): void {
  registerReportDownloads<Query>(app, deps, '/reports/activity', 'readActivityReports', async (ctx, { from, to, ...scope }) => {
    const document = activityReportDocument(ctx, await activityReport(ctx, { from, to }, scope));
    return { document, name: `${fileNameOf(document.title)}-${from ?? ''}-${to ?? ''}`.replace(/--+/g, '-') };
  });
}
