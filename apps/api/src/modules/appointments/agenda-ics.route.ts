import type { FastifyInstance } from 'fastify';
import { ICalCalendar, ICalEventStatus } from 'ical-generator';
import { AppointmentMode, AppointmentStatus } from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import type { RequestScopeDeps } from '../../context/request-scope';
import { errors } from '../../graphql/errors';
import { inRestScope } from '../../context/rest-route';
import { listAgenda } from './appointment.service';
import { shortNameOf } from '../participants/participant.entity';
import { addSessionEvents, agendaOfficeHoursSessions } from '../office-hours/office-hours-calendar';

/**
 * GET /agenda.ics?from=…&to=…[&referentId=…] — an agenda as an iCalendar file, for a calendar
 * application: the referent's own, or for the animation team the referent it names (whose agenda
 * it may read is decided in access/agenda-access.ts, as for GraphQL's `agenda`). Participants
 * appear by first name and initial only.
 */
const DAY_MS = 86_400_000;

/** An instant of the query string, or `fallback` (ms) when it is absent; one that is not a date is refused, naming it. */
function instant(ctx: RequestContext, field: string, value: string | undefined, fallback: number): Date {
  const at = new Date(value ?? fallback);
  if (Number.isNaN(at.getTime())) throw errors.badInput(ctx, field, 'error.dateInvalid');
  return at;
}

export function registerAgendaIcsRoute(app: FastifyInstance, deps: RequestScopeDeps): void {
  app.get<{ Querystring: { from?: string; to?: string; referentId?: string } }>('/agenda.ics', async (request, reply) => {
    const outcome = await inRestScope(deps, request, reply, 'followParticipants', async (ctx) => {
      // By default, from a week ago to two months ahead of the request's clock.
      const from = instant(ctx, 'from', request.query.from, ctx.now.getTime() - 7 * DAY_MS);
      const to = instant(ctx, 'to', request.query.to, ctx.now.getTime() + 60 * DAY_MS);
      return {
        appointments: await listAgenda(ctx, from, to, request.query.referentId ?? null),
        officeHours: await agendaOfficeHoursSessions(ctx, from, to, request.query.referentId ?? null),
        locale: ctx.locale,
      };
    });
    if (!outcome.ok) return reply;

    // Times are written in UTC (…Z): every calendar application places them right, no VTIMEZONE needed.
    const calendar = new ICalCalendar({ name: 'Jalon', prodId: { company: 'Jalon', product: 'agenda' } });
    for (const a of outcome.value.appointments) {
      const people = a.attendees.getItems().map((at) => shortNameOf(at.participant));
      calendar.createEvent({
        id: a.id,
        start: a.startsAt,
        end: a.endsAt,
        summary: a.title ?? `Entretien — ${people.join(', ')}`,
        description: people.join(', '),
        location: a.mode === AppointmentMode.VIDEO ? a.videoLink : a.mode === AppointmentMode.PHONE ? 'Téléphone' : null,
        url: a.mode === AppointmentMode.VIDEO ? a.videoLink : null,
        status: a.status === AppointmentStatus.CANCELLED ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      });
    }
    // Her office hours too, one event a day they are held (the appointments booked in them are above).
    addSessionEvents(calendar, outcome.value.officeHours, outcome.value.locale, false);
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="agenda-jalon.ics"')
      .header('cache-control', 'no-store')
      .send(calendar.toString());
  });
}
