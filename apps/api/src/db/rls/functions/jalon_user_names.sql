-- The names, and nothing else, of the people the viewer is shown among p_users: for staff, every
-- member of the tenant; for a partner, the members of its organisation and of the staff
-- organisations (its people's referents, meeting organisers) and the people invited to its
-- meetings. Security definer, as app_user lets a partner read its own account only (never another
-- one's e-mail or password hash). The staff organisations and the partner's meetings are read once
-- per call, as subqueries, not once for each membership looked at (19 calls for a meeting's agenda).
-- PL/pgSQL with a kept, generic plan: as SQL, its query was planned on every call (db/rls/README.md).
create or replace function jalon_user_names(p_users uuid[])
 RETURNS TABLE(id uuid, display_name text)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
 SET plan_cache_mode TO 'force_generic_plan'
AS $$
#variable_conflict use_column
begin
  return query
    select u.id, u.display_name from app_user u
     where u.id = any(p_users) and exists (
       select 1 from membership m where m.user_id = u.id and m.tenant_id = jalon_tenant_id()
          and (jalon_is_staff() or m.organisation_id = jalon_organisation_id() or m.organisation_id = any((select jalon_staff_organisations())::uuid[])
               or exists (select 1 from meeting_invitee i where i.user_id = u.id and i.tenant_id = jalon_tenant_id() and i.meeting_id = any((select jalon_partner_meetings())::uuid[]))));
end
$$;

revoke all on function jalon_user_names(p_users uuid[]) from public;
grant execute on function jalon_user_names(p_users uuid[]) to jalon_app;
