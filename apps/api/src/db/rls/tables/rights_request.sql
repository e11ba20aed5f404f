alter table rights_request enable row level security;
alter table rights_request force row level security;

create policy rights_request_own on rights_request for select
  using ((participant_id = jalon_participant_id()));

create policy rights_request_own_insert on rights_request for insert
  with check (
    (participant_id = jalon_participant_id())
    and (tenant_id = ( SELECT s.tenant_id
           FROM participant_session s
          WHERE (s.token_hash = jalon_session_token())))
  );

create policy rights_request_staff on rights_request for select
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );

create policy rights_request_staff_answer on rights_request for update
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
