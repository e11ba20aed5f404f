import type { EntityManager } from '@mikro-orm/postgresql';

/** Every item's place in a meeting's agenda, withheld ones included (jalon_meeting_agenda reads no content). */
export function agendaPlacesOf(em: EntityManager, meetingId: string): Promise<Array<{ id: string; position: number }>> {
  return em.execute<Array<{ id: string; position: number }>>('select id, position from jalon_meeting_agenda(?) order by position, id', [meetingId]);
}
