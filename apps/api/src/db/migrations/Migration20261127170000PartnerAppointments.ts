import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../../access/app-role';

/**
 * Partners' reads of appointments, under APPOINTMENTS shared: the attendee rows of the people who
 * shared them, and the appointments those people attend (a collective session shows a partner
 * only the attendees whose consent names it).
 */
export class Migration20261127170000PartnerAppointments extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create function jalon_partner_appointments() returns uuid[] language sql stable security definer set search_path = public as $$
        select coalesce(array_agg(distinct a.appointment_id), '{}') from appointment_attendee a where a.participant_id = any(jalon_partner_participants('APPOINTMENTS'))
      $$;`,
    );
    this.addSql(`revoke all on function jalon_partner_appointments() from public;`);
    this.addSql(`grant execute on function jalon_partner_appointments() to ${APP_ROLE};`);
    this.addSql(
      `create policy appointment_attendee_partner_read on "appointment_attendee" for select using (tenant_id = jalon_tenant_id() and not jalon_is_staff() and participant_id = any((select jalon_partner_participants('APPOINTMENTS'))::uuid[]));`,
    );
    this.addSql(
      `create policy appointment_partner_read on "appointment" for select using (tenant_id = jalon_tenant_id() and not jalon_is_staff() and id = any((select jalon_partner_appointments())::uuid[]));`,
    );
  }
}
