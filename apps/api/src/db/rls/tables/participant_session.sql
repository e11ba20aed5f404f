alter table participant_session enable row level security;
alter table participant_session force row level security;

create policy participant_session_own on participant_session for select
  using ((token_hash = jalon_session_token()));

create policy participant_session_own_touch on participant_session for update
  using ((token_hash = jalon_session_token()))
  with check ((token_hash = jalon_session_token()));

create policy participant_session_staff on participant_session for select
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );

create policy participant_session_staff_revoke on participant_session for update
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
