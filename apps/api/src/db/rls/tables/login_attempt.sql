alter table login_attempt enable row level security;
alter table login_attempt force row level security;

create policy login_attempt_insert on login_attempt for insert
  with check (
    (email = jalon_auth_email())
    and (ip = jalon_auth_ip())
  );

create policy login_attempt_read on login_attempt for select
  using ((email = jalon_auth_email()) OR (ip = jalon_auth_ip()));
