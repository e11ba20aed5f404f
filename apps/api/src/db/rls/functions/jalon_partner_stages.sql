create or replace function jalon_partner_stages()
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
begin
  return jalon_partner_stages_sharing('STAGE_LIST');
end
$$;

revoke all on function jalon_partner_stages() from public;
grant execute on function jalon_partner_stages() to jalon_app;
