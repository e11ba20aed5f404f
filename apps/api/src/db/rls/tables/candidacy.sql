alter table candidacy enable row level security;
alter table candidacy force row level security;

create policy candidacy_partner on candidacy for select
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (offer_id IN ( SELECT job_offer.id
   FROM job_offer))
    and (participant_id = ANY (( SELECT jalon_partner_participants('JOB_APPLICATION'::text) AS jalon_partner_participants)::uuid[]))
  );

create policy candidacy_partner_answer on candidacy for update
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (offer_id IN ( SELECT job_offer.id
   FROM job_offer))
    and (participant_id = ANY (( SELECT jalon_partner_participants('JOB_APPLICATION'::text) AS jalon_partner_participants)::uuid[]))
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (offer_id IN ( SELECT job_offer.id
   FROM job_offer))
    and (participant_id = ANY (( SELECT jalon_partner_participants('JOB_APPLICATION'::text) AS jalon_partner_participants)::uuid[]))
  );

create policy candidacy_staff on candidacy for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
