alter table journal_entry enable row level security;
alter table journal_entry force row level security;

create policy journal_entry_staff on journal_entry for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
