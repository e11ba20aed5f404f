-- PL/pgSQL with a kept, generic plan: as SQL, its query was planned on every call (db/rls/README.md).
create or replace function jalon_office_hours_busy(p_office_hours uuid, p_from timestamp with time zone, p_to timestamp with time zone)
 RETURNS TABLE(starts_at timestamp with time zone, ends_at timestamp with time zone)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
 SET plan_cache_mode TO 'force_generic_plan'
AS $$
#variable_conflict use_column
begin
  return query
    select a.starts_at, a.ends_at from office_hours h
      join appointment a on a.referent_id = h.referent_id and a.tenant_id = h.tenant_id
     where h.id = p_office_hours and h.tenant_id = jalon_tenant_id()
       and (jalon_is_staff() or h.commune_code = jalon_commune_of_partner())
       and a.status <> 'CANCELLED'::appointment_status and a.starts_at < p_to and a.ends_at > p_from;
end
$$;

revoke all on function jalon_office_hours_busy(p_office_hours uuid, p_from timestamp with time zone, p_to timestamp with time zone) from public;
grant execute on function jalon_office_hours_busy(p_office_hours uuid, p_from timestamp with time zone, p_to timestamp with time zone) to jalon_app;
