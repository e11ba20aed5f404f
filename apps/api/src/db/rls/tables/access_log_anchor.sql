alter table access_log_anchor enable row level security;
alter table access_log_anchor force row level security;

create policy access_log_anchor_read on access_log_anchor for select
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
