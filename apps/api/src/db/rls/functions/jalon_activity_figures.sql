-- The request's activity report figures (jalon_activity_figures_of.sql), archived files included,
-- for a scope its session may count: the animation team and the tenant's administrators any scope
-- of their PLIE (readWholeTenant); a referent (holdCaseload) her own caseload and, while the tenant
-- lets referents read their colleagues' files, her operator's and her operator colleagues' (as
-- access/activity-report-access.ts decides first). Anything else, or a referent or operator of
-- another tenant, is refused (42501). Security definer, as archived files are hidden from
-- referents: it returns counts of the whole scope, never a row of it.
create or replace function jalon_activity_figures(p_referent uuid, p_organisation uuid, p_commune text, p_from date, p_to date, p_previous_from date, p_previous_to date, p_locale text)
 RETURNS TABLE(period text, figure text, key text, label text, value double precision)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
declare
  actor membership%rowtype;
  colleagues boolean;
  allowed boolean;
begin
  select m.* into actor from membership m
   where jalon_is_staff() and m.user_id = jalon_user_id() and m.organisation_id = jalon_organisation_id() and m.tenant_id = jalon_tenant_id() and m.active;
  select t.colleagues_can_read into colleagues from tenant t where t.id = actor.tenant_id;
  -- Null is no: any unknown (no acting membership, a scope left out) refuses.
  allowed := coalesce(
    num_nonnulls(p_referent, p_organisation, p_commune) <= 1
    and (p_referent is null or exists (select 1 from membership m where m.id = p_referent and m.tenant_id = actor.tenant_id))
    and (p_organisation is null or exists (select 1 from organisation o where o.id = p_organisation and o.tenant_id = actor.tenant_id))
    and (actor.role in ('TENANT_ADMIN', 'ANIMATION_TEAM')
      or (actor.role in ('REFERENT') and (
        p_referent = actor.id
        or (colleagues and p_organisation = actor.organisation_id)
        or (colleagues and p_referent in (select m.id from membership m where m.organisation_id = actor.organisation_id))))),
    false);
  if not allowed then
    raise exception 'activity figures beyond the request''s rights' using errcode = '42501';
  end if;
  return query select * from jalon_activity_figures_of(array[actor.tenant_id], p_referent, p_organisation, p_commune, p_from, p_to, p_previous_from, p_previous_to, p_locale);
end
$$;

revoke all on function jalon_activity_figures(p_referent uuid, p_organisation uuid, p_commune text, p_from date, p_to date, p_previous_from date, p_previous_to date, p_locale text) from public;
grant execute on function jalon_activity_figures(p_referent uuid, p_organisation uuid, p_commune text, p_from date, p_to date, p_previous_from date, p_previous_to date, p_locale text) to jalon_app;
