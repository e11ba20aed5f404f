create or replace function jalon_revoke_membership_sessions(p_membership uuid, p_at timestamp with time zone)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $$
begin
  update session s set revoked_at = p_at where s.membership_id = p_membership and s.revoked_at is null
    and exists (select 1 from membership m where m.id = p_membership and m.tenant_id = jalon_tenant_id() and not m.active
                  and (jalon_is_staff() or m.organisation_id = jalon_organisation_id()));
end
$$;

revoke all on function jalon_revoke_membership_sessions(p_membership uuid, p_at timestamp with time zone) from public;
grant execute on function jalon_revoke_membership_sessions(p_membership uuid, p_at timestamp with time zone) to jalon_app;
