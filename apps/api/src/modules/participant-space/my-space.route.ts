import type { FastifyInstance } from 'fastify';
import type { RequestScopeDeps } from '../../context/request-scope';
import { inRestScope } from '../../context/rest-route';
import { myAppointmentsIcs, myDataJson, myDataPdf } from './my-data-copy';
import { ownFile } from './participant-file';

/**
 * Her downloads, under her own session only (rule PARTICIPANT): GET /my-space/my-data.pdf and
 * /my-space/my-data.json (the copy of her data) and /my-space/appointments.ics (her coming appointments).
 */
export function registerMySpaceRoutes(app: FastifyInstance, deps: RequestScopeDeps): void {
  app.get('/my-space/my-data.json', async (request, reply) => {
    const outcome = await inRestScope(deps, request, reply, 'PARTICIPANT', async (ctx) => myDataJson(await ownFile(ctx), ctx.now, ctx.locale));
    if (!outcome.ok) return reply;
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="mes-donnees.json"')
      .header('cache-control', 'no-store')
      .send(JSON.stringify(outcome.value, null, 2));
  });

  app.get('/my-space/my-data.pdf', async (request, reply) => {
    const outcome = await inRestScope(deps, request, reply, 'PARTICIPANT', async (ctx) => myDataPdf(await ownFile(ctx), ctx.now, ctx.locale));
    if (!outcome.ok) return reply;
    return reply
      .type('application/pdf')
      .header('content-disposition', 'attachment; filename="mes-donnees.pdf"')
      .header('cache-control', 'no-store')
      .send(outcome.value);
  });

  app.get('/my-space/appointments.ics', async (request, reply) => {
    const outcome = await inRestScope(deps, request, reply, 'PARTICIPANT', async (ctx) => myAppointmentsIcs(await ownFile(ctx), ctx.now));
    if (!outcome.ok) return reply;
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="mes-rendez-vous.ics"')
      .header('cache-control', 'no-store')
      .send(outcome.value);
  });
}
