alter table participant_change enable row level security;
alter table participant_change force row level security;

create policy participant_change_insert on participant_change for insert
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
    and (author_id = jalon_user_id())
  );

create policy participant_change_operator_accepts on participant_change for insert
  with check (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (author_id = jalon_user_id())
    and (participant_id IN ( SELECT positioning.participant_id
   FROM positioning))
  );

create policy participant_change_read on participant_change for select
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
