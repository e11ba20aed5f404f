alter table trade_link enable row level security;
alter table trade_link force row level security;

create policy trade_link_read on trade_link for select
  using ((jalon_tenant_id() IS NOT NULL));
