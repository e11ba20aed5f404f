import { Migration } from '@mikro-orm/migrations';
import { CONTRACT_STAGE_CATEGORIES, TRAINING_STAGE_CATEGORIES } from '@jalon/domain';
import { APP_ROLE } from '../../access/app-role';

const categoryList = (categories: readonly string[]) => categories.map((category) => `'${category}'`).join(', ');

/**
 * Row-level security as strict as the API (issue 19), table by table:
 * - sessions: a partner's transaction read every session of its tenant (token hashes, addresses)
 *   through the policies that let an administrator revoke a deactivated member's sessions. Now a
 *   session is read by its own user and by the login path only; the revocation is one definer
 *   function that revokes the sessions of a membership deactivated in the administrator's scope.
 * - stages: the operator of a stage read it under any grant covering it (the pathway status for
 *   meetings included); now as the operator rule of packages/domain says: under a grant of the
 *   stage list, or, for its operator, of the stage's details or of its reports for their purpose.
 * - assisted contracts (part of the stage's details) were read with only the stage list shared;
 *   now only where the stage's details are, and their renewals exactly with them.
 * - contract reports are read under their class on their stage (not through the contract's rule);
 *   reports may be written only under a grant of their class for their purpose, as the API checks.
 * - invitations: a partner read the whole PLIE's; now its own organisation's only.
 */
export class Migration20261204192000PartnerRowsAsTheApi extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop policy session_tenant_read on "session";`);
    this.addSql(`drop policy session_tenant_revoke on "session";`);
    this.addSql(
      `create function jalon_revoke_membership_sessions(p_membership uuid, p_at timestamptz) returns void language plpgsql volatile security definer set search_path = public as $$
        begin
          update session s set revoked_at = p_at where s.membership_id = p_membership and s.revoked_at is null
            and exists (select 1 from membership m where m.id = p_membership and m.tenant_id = jalon_tenant_id() and not m.active
                          and (jalon_is_staff() or m.organisation_id = jalon_organisation_id()));
        end
      $$;`,
    );

    // Invitations: a partner's transaction read every invitation of the PLIE (addresses, token
    // hashes); a partner's administrator manages its own organisation's only (authored-access.ts).
    const invitations = `tenant_id = jalon_tenant_id() and (jalon_is_staff() or organisation_id = jalon_organisation_id())`;
    for (const policy of ['invitation_read', 'invitation_insert', 'invitation_update']) this.addSql(`drop policy ${policy} on "invitation";`);
    this.addSql(`create policy invitation_read on "invitation" for select using ((${invitations}) or token_hash = jalon_invitation_token());`);
    this.addSql(`create policy invitation_insert on "invitation" for insert with check (${invitations});`);
    this.addSql(`create policy invitation_update on "invitation" for update using ((${invitations}) or token_hash = jalon_invitation_token());`);

    // The grants in force naming the viewer, now with their purpose (the operator rule reads it).
    this.addSql(`drop function jalon_partner_grants();`);
    this.addSql(
      `create function jalon_partner_grants() returns table (participant_id uuid, data_classes text[], stage_kinds text[], stage_ids uuid[], purpose text)
        language plpgsql stable security definer set search_path = public rows 20 as $$
        begin
          return query select c.participant_id, c.data_classes, c.stage_kinds, c.stage_ids, c.purpose::text from consent c join organisation o on o.id = jalon_organisation_id() and o.tenant_id = c.tenant_id
           where c.tenant_id = jalon_tenant_id() and not jalon_is_staff() and c.effect = 'GRANT' and c.status = 'ACTIVE'
             and c.valid_from <= jalon_now() and (c.valid_until is null or jalon_now() < c.valid_until)
             and (c.grantee_organisation_id = o.id or c.grantee_kind = o.kind);
        end
      $$;`,
    );
    // The stages whose existence (STAGE_LIST) or details (STAGE_DETAILS) a grant in its stage scope
    // shares with the viewer: that class granted, or the operator rule (consent.ts, operatorMaySee).
    this.addSql(
      `create function jalon_partner_stages_sharing(p_class text) returns uuid[] language plpgsql stable security definer set search_path = public as $$
        begin
          return (select coalesce(array_agg(distinct s.id), '{}') from jalon_partner_grants() g
            join pathway p on p.participant_id = g.participant_id join stage s on s.pathway_id = p.id join stage_kind k on k.id = s.kind_id
           where (g.stage_kinds is null or k.code = any(g.stage_kinds)) and (g.stage_ids is null or s.id = any(g.stage_ids))
             and (p_class = any(g.data_classes) or (s.operator_id = jalon_organisation_id() and (
               'STAGE_DETAILS' = any(g.data_classes)
               or (k.category in (${categoryList(CONTRACT_STAGE_CATEGORIES)}) and 'CONTRACT_REPORTS' = any(g.data_classes) and g.purpose = 'CONTRACT_REPORTING')
               or (k.category in (${categoryList(TRAINING_STAGE_CATEGORIES)}) and 'TRAINING_REPORTS' = any(g.data_classes) and g.purpose = 'TRAINING_FOLLOW_UP')))));
        end
      $$;`,
    );
    this.addSql(
      `create or replace function jalon_partner_stages() returns uuid[] language plpgsql stable security definer set search_path = public as $$
        begin
          return jalon_partner_stages_sharing('STAGE_LIST');
        end
      $$;`,
    );
    // The viewer's stages on which a grant shares p_class for p_purpose: where it may write that report.
    this.addSql(
      `create function jalon_partner_reportable_stages(p_class text, p_purpose text) returns uuid[] language plpgsql stable security definer set search_path = public as $$
        begin
          return (select coalesce(array_agg(distinct s.id), '{}') from jalon_partner_grants() g
            join pathway p on p.participant_id = g.participant_id join stage s on s.pathway_id = p.id join stage_kind k on k.id = s.kind_id
           where s.operator_id = jalon_organisation_id() and p_class = any(g.data_classes) and g.purpose = p_purpose
             and (g.stage_kinds is null or k.code = any(g.stage_kinds)) and (g.stage_ids is null or s.id = any(g.stage_ids)));
        end
      $$;`,
    );
    this.addSql(
      `create or replace function jalon_partner_reportable_contracts() returns uuid[] language plpgsql stable security definer set search_path = public as $$
        begin
          return (select coalesce(array_agg(c.id), '{}') from assisted_contract c
           where c.tenant_id = jalon_tenant_id() and c.stage_id = any(jalon_partner_reportable_stages('CONTRACT_REPORTS', 'CONTRACT_REPORTING')));
        end
      $$;`,
    );
    this.addSql(
      `create or replace function jalon_partner_operated_stages(p_class text) returns uuid[] language plpgsql stable security definer set search_path = public as $$
        begin
          return jalon_partner_reportable_stages(p_class, case p_class when 'CONTRACT_REPORTS' then 'CONTRACT_REPORTING' when 'TRAINING_REPORTS' then 'TRAINING_FOLLOW_UP' end);
        end
      $$;`,
    );
    // The contracts on the stages whose p_class a grant shares (definer rights: whether the contract itself may be read is another class).
    this.addSql(
      `create function jalon_partner_class_contracts(p_class text) returns uuid[] language plpgsql stable security definer set search_path = public as $$
        begin
          return (select coalesce(array_agg(c.id), '{}') from assisted_contract c where c.tenant_id = jalon_tenant_id() and c.stage_id = any(jalon_partner_class_stages(p_class)));
        end
      $$;`,
    );
    for (const fn of [
      'jalon_partner_class_contracts(text)',
      'jalon_revoke_membership_sessions(uuid, timestamptz)',
      'jalon_partner_grants()',
      'jalon_partner_stages_sharing(text)',
      'jalon_partner_reportable_stages(text, text)',
    ]) {
      this.addSql(`revoke all on function ${fn} from public;`);
      this.addSql(`grant execute on function ${fn} to ${APP_ROLE};`);
    }

    const partner = `tenant_id = jalon_tenant_id() and not jalon_is_staff()`;
    this.addSql(`drop policy assisted_contract_partner_read on "assisted_contract";`);
    this.addSql(
      `create policy assisted_contract_partner_read on "assisted_contract" for select using (${partner} and stage_id = any((select jalon_partner_stages_sharing('STAGE_DETAILS'))::uuid[]));`,
    );
    // A contract's reports under their own class on its stage, as the API decides them, whether or not the contract's details are shared.
    this.addSql(`drop policy contract_report_partner_read on "contract_report";`);
    this.addSql(
      `create policy contract_report_partner_read on "contract_report" for select using (${partner} and (author_organisation_id = jalon_organisation_id()
        or contract_id = any((select jalon_partner_class_contracts('CONTRACT_REPORTS'))::uuid[])));`,
    );
    this.addSql(`drop policy assisted_contract_renewal_partner_read on "assisted_contract_renewal";`);
    this.addSql(
      `create policy assisted_contract_renewal_partner_read on "assisted_contract_renewal" for select using (${partner} and contract_id in (select c.id from assisted_contract c));`,
    );
  }
}
