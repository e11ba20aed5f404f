import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { ApolloServer } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { RequestContext } from '../context/request-context';
import type { RequestScopeDeps } from '../context/request-scope';
import { inRestScope } from '../context/rest-route';
import { errors } from '../graphql/errors';
import { writeCsv } from './csv-writer';
import { fileNameOf } from './export-document';
import { listDocument } from './list-export';
import { LIST_EXPORTS, type ListExportName } from './list-exports';
import { writeXlsx } from './xlsx-writer';

const CONTENT_TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' } as const;

/** One line of up to 200 characters, as every text input of the API. */
const text = z
  .string()
  .max(200)
  .regex(/^\P{Cc}*$/u);
const input = z.object({
  /** The list's filters, as the page passes them to its query. */
  variables: z.record(z.string(), z.unknown()),
  /** The same filters as the page shows them (« Statut : Actif »), written at the top of the file. */
  filters: z.array(z.object({ label: text, value: text })).max(20),
});

function parseInput(ctx: RequestContext, query: { variables?: string; filters?: string }) {
  try {
    const parsed = input.parse({ variables: JSON.parse(query.variables ?? '{}'), filters: JSON.parse(query.filters ?? '[]') });
    // The export pages through the list itself.
    const { page: _page, ...variables } = parsed.variables;
    return { variables, filters: parsed.filters };
  } catch {
    throw errors.badInput(ctx, 'variables', 'error.exportFilterInvalid');
  }
}

/**
 * GET /exports/<list>.xlsx|csv?variables=…&filters=… — a list of the portal (lists in
 * list-exports.ts) as a spreadsheet, with the filters on screen. Each page of rows is read by the
 * list's own query, as the viewer: same rules, same consent filtering and redaction, and the
 * partner's reads go to the access log when the request ends, as for the list.
 *
 * The file streams as it is written, `X-Export-Rows` telling the portal how many rows to expect.
 * It ends only once the request's transaction has committed, access log included: an export that
 * fails midway is cut off (a cut XLSX does not open) and its reads so far are still logged.
 */
export function registerListExportRoutes(app: FastifyInstance, deps: RequestScopeDeps, apollo: ApolloServer<RequestContext>): void {
  app.get<{ Params: { file: string }; Querystring: { variables?: string; filters?: string } }>('/exports/:file', async (request, reply) => {
    const [, name, format] = /^([a-z-]+)\.(xlsx|csv)$/.exec(request.params.file) ?? [];
    const list = name && Object.hasOwn(LIST_EXPORTS, name) ? LIST_EXPORTS[name as ListExportName] : undefined;
    const output = new PassThrough();
    let sending = false;
    // A file cut off midway closes its connection: left open, the half-sent response would keep
    // the socket (and the server's shutdown) waiting forever.
    const cutOff = () => {
      output.destroy();
      request.raw.socket?.destroy();
    };
    try {
      const outcome = await inRestScope(deps, request, reply, 'AUTHENTICATED', async (ctx) => {
        if (!list || (format !== 'xlsx' && format !== 'csv')) throw errors.notFound(ctx);
        const { variables, filters } = parseInput(ctx, request.query);
        const { document, total } = await listDocument(apollo, ctx, list, variables, filters, () => !reply.raw.destroyed);

        const fileName = `${fileNameOf(document.title)}-${ctx.now.toISOString().slice(0, 10)}.${format}`;
        const staging = new PassThrough();
        staging.pipe(output, { end: false });
        // A download cancelled midway closes the response and unpipes the writer, which would then
        // wait for room forever, holding the request's transaction and its connection: stop it.
        // The writer hears of it through its own awaits; the stream's error event is only logged.
        staging.on('error', (error) => request.log.debug({ err: error }, 'list export stream stopped'));
        reply.raw.once('close', () => {
          if (!reply.raw.writableFinished) staging.destroy(new Error('The download was cancelled'));
        });
        sending = true;
        void reply
          .type(CONTENT_TYPES[format])
          .header('content-disposition', `attachment; filename="${fileName}"`)
          .header('cache-control', 'no-store')
          .header('x-export-rows', String(total))
          .send(output);
        try {
          await (format === 'xlsx' ? writeXlsx : writeCsv)(document, staging);
          await finished(staging);
          return true;
        } catch (error) {
          // Cancelled or failed midway: roll back, but what was read is still logged (request-scope.ts).
          request.log.warn({ err: error }, 'list export interrupted');
          ctx.outcome.failed = true;
          return false;
        }
      });
      if (outcome.ok && outcome.value) output.end();
      else if (sending) cutOff();
    } catch (error) {
      if (!sending) throw error;
      request.log.error({ err: error }, 'list export failed after it started');
      cutOff();
    }
    return reply;
  });
}
