import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { Allow } from '../../access/operation-access';
import { CommitmentContractType, listContracts, recordContract, RecordContractInput } from './commitment-contract';
import { DiagnosisType, findDiagnosis, recordDiagnosis, RecordDiagnosisInput } from './diagnosis';
import { addJournalEntry, AddJournalEntryInput, JournalEntryConnection, JournalEntryType, journalCursor, listJournal } from './journal';
import { PageArgs } from '../../graphql/pagination';
import { toConnection } from '../../graphql/relay';

/** The referent's working record on a file: diagnosis, commitment contract and journal. */
@Resolver()
export class ParticipantRecordResolver {
  @Query(() => [CommitmentContractType], { description: 'Versions of the commitment contract of a pathway, latest first' })
  @Allow('followParticipants')
  async contracts(@Ctx() ctx: RequestContext, @Arg('pathwayId', () => ID) pathwayId: string): Promise<CommitmentContractType[]> {
    return (await listContracts(ctx, pathwayId)).map(CommitmentContractType.from);
  }

  @Mutation(() => CommitmentContractType, { description: 'Record the contract, or an amendment as a new version' })
  @Allow('followParticipants')
  async recordContract(@Ctx() ctx: RequestContext, @Arg('input') input: RecordContractInput): Promise<CommitmentContractType> {
    return CommitmentContractType.from(await recordContract(ctx, input));
  }

  @Query(() => DiagnosisType, { nullable: true, description: 'The diagnosis of a pathway; null until recorded' })
  @Allow('actInTenant')
  async diagnosis(@Ctx() ctx: RequestContext, @Arg('pathwayId', () => ID) pathwayId: string): Promise<DiagnosisType | null> {
    const diagnosis = await findDiagnosis(ctx, pathwayId);
    return diagnosis && DiagnosisType.from(diagnosis, diagnosis.pathway.participant.id);
  }

  @Mutation(() => DiagnosisType)
  @Allow('followParticipants')
  async recordDiagnosis(@Ctx() ctx: RequestContext, @Arg('input') input: RecordDiagnosisInput): Promise<DiagnosisType> {
    const diagnosis = await recordDiagnosis(ctx, input);
    return DiagnosisType.from(diagnosis, diagnosis.pathway.participant.id);
  }

  @Query(() => JournalEntryConnection, { description: "The referent's journal on a file, newest first" })
  @Allow('followParticipants')
  async journal(
    @Ctx() ctx: RequestContext,
    @Arg('participantId', () => ID) participantId: string,
    @Arg('page', () => PageArgs, { nullable: true }) page?: PageArgs,
  ): Promise<JournalEntryConnection> {
    const result = await listJournal(ctx, participantId, page);
    return toConnection(result, journalCursor, result.nodes.map(JournalEntryType.from));
  }

  @Mutation(() => JournalEntryType)
  @Allow('followParticipants')
  async addJournalEntry(@Ctx() ctx: RequestContext, @Arg('input') input: AddJournalEntryInput): Promise<JournalEntryType> {
    return JournalEntryType.from(await addJournalEntry(ctx, input));
  }
}
