alter table reference_data_state enable row level security;
alter table reference_data_state force row level security;

create policy reference_data_state_read on reference_data_state for select
  using ((jalon_tenant_id() IS NOT NULL));
