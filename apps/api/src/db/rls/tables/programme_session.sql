alter table programme_session enable row level security;
alter table programme_session force row level security;

create policy programme_session_operator on programme_session for select
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (action_id IN ( SELECT programme_action.id
   FROM programme_action))
  );

create policy programme_session_staff on programme_session for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
