create or replace function jalon_tenants_with_due_reminders(p_from timestamp with time zone, p_to timestamp with time zone)
 RETURNS SETOF uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
select distinct tenant_id from appointment
 where referral_id is not null and reminder_sent_at is null and status = 'PLANNED'::appointment_status and starts_at >= p_from and starts_at < p_to
$$;

revoke all on function jalon_tenants_with_due_reminders(p_from timestamp with time zone, p_to timestamp with time zone) from public;
grant execute on function jalon_tenants_with_due_reminders(p_from timestamp with time zone, p_to timestamp with time zone) to jalon_app;
