import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DataClass } from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { withScope } from '../../access/consent-scope';
import { Shared } from '../../access/field-consent';
import { Allow } from '../../access/operation-access';
import { loaderFor } from '../../graphql/loaders';
import { parseGlobalId } from '../../graphql/relay';
import { StageType } from '../stages/stage.type';
import { AssistedContract, ContractRenewal, ContractReport } from './assisted-contract.entity';
import { EndContractInput, FileContractReportsInput, RenewContractInput, SetAssistedContractInput } from './assisted-contract.inputs';
import {
  CONTRACT_POPULATE,
  contractsToReport,
  endAssistedContract,
  fileContractReports,
  maxHoursFor,
  renewAssistedContract,
  setAssistedContract,
} from './assisted-contract.service';
import { AssistedContractType, ContractMonthType, ContractRenewalType, ContractReportType } from './assisted-contract.type';

@Resolver()
export class AssistedContractResolver {
  @Query(() => [ContractMonthType], { description: "The supervisor's month: the contracts her organisation runs and may report on, with the report filed" })
  @Allow('followSharedParticipants')
  async contractMonth(@Ctx() ctx: RequestContext, @Arg('period', { description: 'YYYY-MM' }) period: string): Promise<ContractMonthType[]> {
    return (await contractsToReport(ctx, period)).map(({ contract, report }) => ({
      contract: AssistedContractType.from(contract),
      report: report && ContractReportType.from(report, contract),
      maxHours: maxHoursFor(contract, period),
    }));
  }

  @Mutation(() => AssistedContractType, { description: 'Record or correct the assisted contract a stage carries' })
  @Allow('followParticipants')
  async setAssistedContract(@Ctx() ctx: RequestContext, @Arg('input') input: SetAssistedContractInput): Promise<AssistedContractType> {
    return AssistedContractType.from(await setAssistedContract(ctx, input));
  }

  @Mutation(() => AssistedContractType, { description: 'Renew: move the planned end later' })
  @Allow('actInTenant')
  async renewAssistedContract(@Ctx() ctx: RequestContext, @Arg('input') input: RenewContractInput): Promise<AssistedContractType> {
    return AssistedContractType.from(await renewAssistedContract(ctx, input));
  }

  @Mutation(() => AssistedContractType, { description: 'Record the end of the contract and its outcome' })
  @Allow('actInTenant')
  async endAssistedContract(@Ctx() ctx: RequestContext, @Arg('input') input: EndContractInput): Promise<AssistedContractType> {
    return AssistedContractType.from(await endAssistedContract(ctx, input));
  }

  @Mutation(() => [ContractReportType], { description: "File a month's reports for one employee or many: all of them, or none" })
  @Allow('actInTenant')
  async fileContractReports(@Ctx() ctx: RequestContext, @Arg('input') input: FileContractReportsInput): Promise<ContractReportType[]> {
    const reports = await fileContractReports(ctx, input);
    const contracts = await ctx.em.find(AssistedContract, { id: { $in: reports.map((r) => r.contract.id) } }, { populate: CONTRACT_POPULATE });
    return reports.map((report) =>
      ContractReportType.from(
        report,
        contracts.find((c) => c.id === report.contract.id)!,
      ),
    );
  }
}

function contractsByStage(ctx: RequestContext) {
  return loaderFor<string, AssistedContract | null>(ctx, 'contractsByStage', async (stageIds) => {
    const contracts = await ctx.em.find(AssistedContract, { stage: { $in: [...stageIds] } }, { populate: CONTRACT_POPULATE });
    return stageIds.map((id) => contracts.find((c) => c.stage.id === id) ?? null);
  });
}

@Resolver(() => StageType)
export class StageContractResolver {
  @FieldResolver(() => AssistedContractType, { nullable: true, description: 'The assisted contract the stage carries, if any' })
  @Shared(DataClass.STAGE_DETAILS)
  async contract(@Root() stage: StageType, @Ctx() ctx: RequestContext): Promise<AssistedContractType | null> {
    const contract = await contractsByStage(ctx).load(parseGlobalId(stage.id, 'Stage')!.id);
    return contract && withScope(AssistedContractType.from(contract), stage.consentSubject.scope);
  }
}

@Resolver(() => AssistedContractType)
export class AssistedContractFieldsResolver {
  // The list is structure; the consent middleware keeps the reports shared with the viewer (or written by it).
  @FieldResolver(() => [ContractReportType], { description: 'Monthly reports, latest month first' })
  @Shared(DataClass.STAGE_DETAILS)
  async reports(@Root() contract: AssistedContractType, @Ctx() ctx: RequestContext): Promise<ContractReportType[]> {
    const reports = await loaderFor<string, ContractReport[]>(ctx, 'reportsByContract', async (ids) => {
      const rows = await ctx.em.find(ContractReport, { contract: { $in: [...ids] } }, { populate: ['authorOrganisation'], orderBy: { period: 'desc' } });
      return ids.map((id) => rows.filter((r) => r.contract.id === id));
    }).load(contract.contract.id);
    return reports.map((report) => withScope(ContractReportType.from(report, contract.contract), contract.consentSubject.scope));
  }

  @FieldResolver(() => [ContractRenewalType])
  @Shared(DataClass.STAGE_DETAILS)
  async renewals(@Root() contract: AssistedContractType, @Ctx() ctx: RequestContext): Promise<ContractRenewalType[]> {
    // Batched: the supervisor's month shows thirty contracts at once.
    const renewals = await loaderFor<string, ContractRenewal[]>(ctx, 'renewalsByContract', async (ids) => {
      const rows = await ctx.em.find(ContractRenewal, { contract: { $in: [...ids] } }, { populate: ['organisation'], orderBy: { recordedAt: 'asc' } });
      return ids.map((id) => rows.filter((r) => r.contract.id === id));
    }).load(contract.contract.id);
    return renewals.map(ContractRenewalType.from);
  }
}
