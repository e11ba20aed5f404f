import type { FastifyInstance } from 'fastify';
import { ICalCalendar } from 'ical-generator';
import { inScopedTransaction } from '../../access/request-transaction';
import { hashSecretToken } from '../../access/secret-token';
import type { RequestScopeDeps } from '../../context/request-scope';
import { pickLocale } from '../../i18n/messages';
import { addSessionEvents, communeOfficeHoursSessions } from './office-hours-calendar';
import { calendarLinkOwner } from './office-hours.query';

const TOKEN_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;

/**
 * GET /office-hours/<token>.ics — a commune's office hours as a calendar to subscribe to, by the
 * private link it created (only the token's hash is stored). The link reads as the commune does,
 * under row-level security: its commune's office hours and how many it booked, never a name. A
 * revoked or unknown link gives 404 from the next request on.
 */
export function registerOfficeHoursCalendarRoute(app: FastifyInstance, { orm, clock }: RequestScopeDeps): void {
  app.get<{ Params: { file: string } }>('/office-hours/:file', async (request, reply) => {
    const token = TOKEN_FILE.exec(request.params.file)?.[1];
    const owner = token ? await inScopedTransaction(orm.em, {}, (em) => calendarLinkOwner(em, hashSecretToken(token))) : null;
    if (!owner) return reply.code(404).header('cache-control', 'no-store').send({ error: 'Not found', code: 'NOT_FOUND' });
    const now = clock();
    const sessions = await inScopedTransaction(orm.em, { tenantId: owner.tenantId, organisationId: owner.organisationId, staff: false, now }, (em) =>
      communeOfficeHoursSessions(em, now),
    );
    const calendar = new ICalCalendar({ name: 'Permanences', prodId: { company: 'Jalon', product: 'office-hours' } });
    addSessionEvents(calendar, sessions, pickLocale(request.headers['accept-language']), true);
    return reply.type('text/calendar; charset=utf-8').header('cache-control', 'no-store').send(calendar.toString());
  });
}
