-- Whether the request may read archived files: the animation team and the tenant's administrators
-- (the API asks them a reason for each file they open, logged in the access log), or the retention
-- job itself (jalon.retention_job, set by the job only: modules/retention/retention-run.ts).
create or replace function jalon_reads_archives()
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $$
select jalon_is_staff() and (coalesce(current_setting('jalon.retention_job', true), '') = 'true' or coalesce(jalon_actor_role()::text in ('TENANT_ADMIN', 'ANIMATION_TEAM'), false))
$$;

revoke all on function jalon_reads_archives() from public;
grant execute on function jalon_reads_archives() to jalon_app;
