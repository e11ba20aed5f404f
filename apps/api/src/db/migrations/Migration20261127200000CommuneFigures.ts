import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../../access/app-role';

/**
 * Figures about a commune's residents for the commune itself (and the PLIE's staff): counted over
 * every participant living there, whatever they consented to share, so a count below the smallest
 * publishable (5, in @jalon/domain) never leaves the database: it could single someone out, and
 * comes back as null. The lists of positive exits and followed statuses come from the domain too.
 */
export class Migration20261127200000CommuneFigures extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create function jalon_commune_figures(p_commune text, p_positive_exits text[], p_followed text[], p_smallest int) returns table (metric text, key text, people int)
        language sql stable security definer set search_path = public as $$
        with allowed as (
          select 1 where jalon_tenant_id() is not null and (jalon_is_staff()
            or exists (select 1 from organisation o where o.id = jalon_organisation_id() and o.tenant_id = jalon_tenant_id() and o.insee_code = p_commune))
        ),
        resident as (
          select p.id, p.current_status, p.priority_district_code from participant p, allowed where p.tenant_id = jalon_tenant_id() and p.commune_code = p_commune
        ),
        counted as (
          select 'status' as metric, current_status::text as key, count(*)::int as n from resident group by current_status
          union all
          select 'entries', extract(year from pw.entry_date)::int::text, count(*)::int from pathway pw join resident r on r.id = pw.participant_id
           where pw.entry_date is not null group by 1, 2
          union all
          select 'positive_exits', extract(year from pw.exit_date)::int::text, count(*)::int from pathway pw join resident r on r.id = pw.participant_id
           where pw.exit_kind::text = any(p_positive_exits) group by 1, 2
          union all
          select 'priority_district', 'followed', count(*)::int from resident
           where priority_district_code is not null and current_status::text = any(p_followed)
        )
        select metric, key, case when n > 0 and n < p_smallest then null else n end from counted
      $$;`,
    );
    this.addSql(`revoke all on function jalon_commune_figures(text, text[], text[], int) from public;`);
    this.addSql(`grant execute on function jalon_commune_figures(text, text[], text[], int) to ${APP_ROLE};`);
  }
}
