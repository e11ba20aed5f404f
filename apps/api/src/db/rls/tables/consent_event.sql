alter table consent_event enable row level security;
alter table consent_event force row level security;

create policy consent_event_insert on consent_event for insert
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );

create policy consent_event_read on consent_event for select
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
