create or replace function jalon_partner_grants()
 RETURNS TABLE(participant_id uuid, data_classes text[], stage_kinds text[], stage_ids uuid[], purpose text, refused text[])
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER ROWS 20
 SET search_path TO 'public'
AS $$
begin
  return query
    with named as (
      select c.* from consent c join organisation o on o.id = jalon_organisation_id() and o.tenant_id = c.tenant_id
       where c.tenant_id = jalon_tenant_id() and not jalon_is_staff() and c.status = 'ACTIVE'
         and c.valid_from <= jalon_now() and (c.valid_until is null or jalon_now() < c.valid_until)
         and (c.grantee_organisation_id = o.id or c.grantee_kind = o.kind)
         and not exists (select 1 from participant a where a.id = c.participant_id and a.archived_on is not null)
    ), refusals as (
      select r.participant_id, array_agg(distinct cls) as classes from named r cross join unnest(r.data_classes) as cls
       where r.effect = 'REFUSAL' and r.stage_kinds is null and r.stage_ids is null
       group by r.participant_id
    ), grants as (
      select g.participant_id, array(select cls from unnest(g.data_classes) as cls
               where cls <> all(coalesce(f.classes, '{}')) and (g.grantee_organisation_id is not null or cls not in ('HEALTH', 'DISABILITY', 'JUSTICE'))) as classes,
             g.stage_kinds, g.stage_ids, g.purpose::text as purpose, coalesce(f.classes, '{}') as refused
        from named g left join refusals f on f.participant_id = g.participant_id
       where g.effect = 'GRANT'
    )
    select g.participant_id, g.classes, g.stage_kinds, g.stage_ids, g.purpose, g.refused from grants g where cardinality(g.classes) > 0;
end
$$;

revoke all on function jalon_partner_grants() from public;
grant execute on function jalon_partner_grants() to jalon_app;
