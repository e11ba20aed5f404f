alter table agenda_action enable row level security;
alter table agenda_action force row level security;

create policy agenda_action_partner_read on agenda_action for select
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (item_id IN ( SELECT a.id FROM agenda_item a))
  );

create policy agenda_action_staff on agenda_action for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
