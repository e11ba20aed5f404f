import type { FastifyInstance } from 'fastify';
import { ICalCalendar, ICalEventStatus } from 'ical-generator';
import { AppointmentMode, AppointmentStatus } from '@jalon/domain';
import type { RequestScopeDeps } from '../../context/request-scope';
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
export function registerAgendaIcsRoute(app: FastifyInstance, deps: RequestScopeDeps): void {
  app.get<{ Querystring: { from?: string; to?: string; referentId?: string } }>('/agenda.ics', async (request, reply) => {
    const from = new Date(request.query.from ?? Date.now() - 7 * 86_400_000);
    const to = new Date(request.query.to ?? Date.now() + 60 * 86_400_000);
    const outcome = await inRestScope(deps, request, reply, 'followParticipants', async (ctx) => ({
      appointments: await listAgenda(ctx, from, to, request.query.referentId ?? null),
      officeHours: await agendaOfficeHoursSessions(ctx, from, to, request.query.referentId ?? null),
      locale: ctx.locale,
    }));
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
