create or replace function jalon_tenants_with_unsent_notifications(p_since timestamp with time zone)
 RETURNS SETOF uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
select distinct tenant_id from notification where emailed_at is null and created_at >= p_since
$$;

revoke all on function jalon_tenants_with_unsent_notifications(p_since timestamp with time zone) from public;
grant execute on function jalon_tenants_with_unsent_notifications(p_since timestamp with time zone) to jalon_app;
