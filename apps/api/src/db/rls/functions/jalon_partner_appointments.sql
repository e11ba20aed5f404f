-- PL/pgSQL with a kept, generic plan: as SQL, its query was planned on every call (db/rls/README.md).
create or replace function jalon_partner_appointments()
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
 SET plan_cache_mode TO 'force_generic_plan'
AS $$
begin
  return (select coalesce(array_agg(distinct a.appointment_id), '{}') from appointment_attendee a where a.participant_id = any(jalon_partner_participants('APPOINTMENTS')));
end
$$;

revoke all on function jalon_partner_appointments() from public;
grant execute on function jalon_partner_appointments() to jalon_app;
