alter table retention_run enable row level security;
alter table retention_run force row level security;

create policy retention_run_read on retention_run for select
  using (
    (tenant_id = jalon_tenant_id())
    and ( SELECT jalon_reads_archives() AS jalon_reads_archives)
  );

create policy retention_run_insert on retention_run for insert
  with check (
    (tenant_id = jalon_tenant_id())
    and ( SELECT jalon_reads_archives() AS jalon_reads_archives)
  );
