import { Migration } from '@mikro-orm/migrations';
import { CONTRACT_STAGE_CATEGORIES, SPECIAL_CATEGORY_CLASSES, TRAINING_STAGE_CATEGORIES } from '@jalon/domain';
import { APP_ROLE } from '../../access/app-role';

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/**
 * Refusals in row-level security (issue 19). The partner policies read only grants, so a person who
 * granted a partner a class and then refused it to the partner's whole kind (a refusal wins, says
 * packages/domain) still had their rows readable in the partner's transaction; and a grant of a
 * special category to a whole kind, which the API ignores, opened the person's row too.
 *
 * Now each grant in force reaches the policies without the classes that a refusal in force covering
 * every stage takes away (a narrower refusal is left to the API: whether it hides the person depends
 * on the grant's own scope). Special categories count only when granted to the organisation itself.
 * A grant left with no class shows nothing. Row-level security never hides what the API shows: it
 * takes away only what `decide` takes away in every case.
 */
export class Migration20261204192100RefusalsInRowLevelSecurity extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop function jalon_partner_grants();`);
    this.addSql(
      `create function jalon_partner_grants() returns table (participant_id uuid, data_classes text[], stage_kinds text[], stage_ids uuid[], purpose text, refused text[])
        language plpgsql stable security definer set search_path = public rows 20 as $$
        begin
          return query
            with named as (
              select c.* from consent c join organisation o on o.id = jalon_organisation_id() and o.tenant_id = c.tenant_id
               where c.tenant_id = jalon_tenant_id() and not jalon_is_staff() and c.status = 'ACTIVE'
                 and c.valid_from <= jalon_now() and (c.valid_until is null or jalon_now() < c.valid_until)
                 and (c.grantee_organisation_id = o.id or c.grantee_kind = o.kind)
            ), refusals as (
              select r.participant_id, array_agg(distinct cls) as classes from named r cross join unnest(r.data_classes) as cls
               where r.effect = 'REFUSAL' and r.stage_kinds is null and r.stage_ids is null
               group by r.participant_id
            ), grants as (
              select g.participant_id, array(select cls from unnest(g.data_classes) as cls
                       where cls <> all(coalesce(f.classes, '{}')) and (g.grantee_organisation_id is not null or cls not in (${list(SPECIAL_CATEGORY_CLASSES)}))) as classes,
                     g.stage_kinds, g.stage_ids, g.purpose::text as purpose, coalesce(f.classes, '{}') as refused
                from named g left join refusals f on f.participant_id = g.participant_id
               where g.effect = 'GRANT'
            )
            select g.participant_id, g.classes, g.stage_kinds, g.stage_ids, g.purpose, g.refused from grants g where cardinality(g.classes) > 0;
        end
      $$;`,
    );
    // The operator rule, unless the class asked for is itself refused to the viewer.
    this.addSql(
      `create or replace function jalon_partner_stages_sharing(p_class text) returns uuid[] language plpgsql stable security definer set search_path = public as $$
        begin
          return (select coalesce(array_agg(distinct s.id), '{}') from jalon_partner_grants() g
            join pathway p on p.participant_id = g.participant_id join stage s on s.pathway_id = p.id join stage_kind k on k.id = s.kind_id
           where (g.stage_kinds is null or k.code = any(g.stage_kinds)) and (g.stage_ids is null or s.id = any(g.stage_ids))
             and (p_class = any(g.data_classes) or (p_class <> all(g.refused) and s.operator_id = jalon_organisation_id() and (
               'STAGE_DETAILS' = any(g.data_classes)
               or (k.category in (${list(CONTRACT_STAGE_CATEGORIES)}) and 'CONTRACT_REPORTS' = any(g.data_classes) and g.purpose = 'CONTRACT_REPORTING')
               or (k.category in (${list(TRAINING_STAGE_CATEGORIES)}) and 'TRAINING_REPORTS' = any(g.data_classes) and g.purpose = 'TRAINING_FOLLOW_UP')))));
        end
      $$;`,
    );
    // The people whose items of a coordination meeting the partner reads: the same grants, so an
    // item is never readable while its person is not (the agenda would show it as about nobody).
    this.addSql(
      `create or replace function jalon_partner_meeting_participants() returns uuid[] language plpgsql stable security definer set search_path = public as $$
        begin
          return (select coalesce(array_agg(distinct g.participant_id), '{}') from jalon_partner_grants() g
           where g.purpose = 'COORDINATION_MEETINGS' and 'PATHWAY_STATUS' = any(g.data_classes));
        end
      $$;`,
    );
    this.addSql(`revoke all on function jalon_partner_grants() from public;`);
    this.addSql(`grant execute on function jalon_partner_grants() to ${APP_ROLE};`);
  }
}
