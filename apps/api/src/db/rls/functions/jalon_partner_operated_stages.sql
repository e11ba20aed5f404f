create or replace function jalon_partner_operated_stages(p_class text)
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
begin
  return jalon_partner_reportable_stages(p_class, case p_class when 'CONTRACT_REPORTS' then 'CONTRACT_REPORTING' when 'TRAINING_REPORTS' then 'TRAINING_FOLLOW_UP' end);
end
$$;

revoke all on function jalon_partner_operated_stages(p_class text) from public;
grant execute on function jalon_partner_operated_stages(p_class text) to jalon_app;
