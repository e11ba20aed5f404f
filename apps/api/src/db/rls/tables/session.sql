alter table session enable row level security;
alter table session force row level security;

create policy session_access on session for all
  using ((token_hash = jalon_session_token()) OR (user_id = jalon_user_id()))
  with check (user_id = jalon_user_id());
