-- Counts the changes to a tenant's consents (consent_version), from a trigger on every row
-- written to or deleted from consent, whatever writes it: the API keeps a partner's consents from
-- one request to the next while the count stays the same (jalon_open_session), so no change may
-- escape it. Definer rights: the application role reads the count, never writes it.
create or replace function jalon_consent_changed()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $$
begin
  insert into consent_version as v (tenant_id, version) values (coalesce(new.tenant_id, old.tenant_id), 1)
    on conflict (tenant_id) do update set version = v.version + 1;
  if tg_op = 'UPDATE' and new.tenant_id <> old.tenant_id then
    insert into consent_version as v (tenant_id, version) values (old.tenant_id, 1)
      on conflict (tenant_id) do update set version = v.version + 1;
  end if;
  return null;
end
$$;

revoke all on function jalon_consent_changed() from public;
