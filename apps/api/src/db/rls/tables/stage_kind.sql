alter table stage_kind enable row level security;
alter table stage_kind force row level security;

create policy stage_kind_read on stage_kind for select
  using (tenant_id = jalon_tenant_id());

create policy stage_kind_write on stage_kind for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
