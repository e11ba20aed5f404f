create or replace function jalon_partner_appointments()
 RETURNS uuid[]
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
select coalesce(array_agg(distinct a.appointment_id), '{}') from appointment_attendee a where a.participant_id = any(jalon_partner_participants('APPOINTMENTS'))
$$;

revoke all on function jalon_partner_appointments() from public;
grant execute on function jalon_partner_appointments() to jalon_app;
