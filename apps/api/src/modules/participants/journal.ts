import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { RequestContext } from '../../context/request-context';
import { createOnce } from '../idempotency/idempotency';
import { assertMayEdit } from '../../access/participant-access';
import { notInFuture, optionalDate, todayInFrance } from '../../graphql/date-input';
import { afterDescending, pageOf, type PageArgs } from '../../graphql/pagination';
import { Connection, encodeCursor, type Page } from '../../graphql/relay';
import { saveChanges } from '../../graphql/save-changes';
import { requiredText } from '../../graphql/text-input';
import { User } from '../users/user.entity';
import { JournalEntry } from './journal-entry.entity';
import { findParticipant } from './participant.service';
import { LongText } from '../../graphql/input-limits';

@InputType()
export class AddJournalEntryInput {
  @Field(() => ID)
  participantId!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; today when omitted' })
  day?: string | null;

  @LongText(10_000)
  @Field()
  text!: string;

  @Field(() => String, { nullable: true, description: 'Chosen by the client per intended creation: a retry with the same key returns the first result' })
  idempotencyKey?: string | null;
}

@ObjectType('JournalEntry', { description: "A private note of the referent's journal: never shown to partners" })
export class JournalEntryType {
  @Field(() => LocalDateResolver)
  day!: string;

  @Field()
  text!: string;

  @Field()
  authorName!: string;

  @Field()
  createdAt!: Date;

  static from(entry: JournalEntry): JournalEntryType {
    return { day: entry.day, text: entry.text, authorName: entry.author.displayName, createdAt: entry.createdAt };
  }
}

@ObjectType('JournalEntryConnection')
export class JournalEntryConnection extends Connection(JournalEntryType, 'JournalEntry') {}

export function journalCursor(entry: JournalEntry): string {
  return encodeCursor(entry.day, entry.id);
}

/** The journal of a file, by day, newest first, a page at a time. */
export async function listJournal(ctx: RequestContext, participantId: string, args: PageArgs | undefined): Promise<Page<JournalEntry>> {
  const participant = await findParticipant(ctx, participantId, 'participantId');
  return pageOf(ctx, args, {
    key: 'date',
    fetch: (after, limit) =>
      ctx.em.find(JournalEntry, { participant, ...afterDescending('day', after) }, { populate: ['author'], orderBy: { day: 'desc', id: 'desc' }, limit }),
    count: () => ctx.em.count(JournalEntry, { participant }),
    cursorOf: journalCursor,
  });
}

/** Journal entries are kept as written: the journal is append-only. */
export function addJournalEntry(ctx: RequestContext, input: AddJournalEntryInput): Promise<JournalEntry> {
  return createOnce(
    ctx,
    'addJournalEntry',
    input.idempotencyKey,
    async () => {
      const participant = await findParticipant(ctx, input.participantId, 'participantId');
      assertMayEdit(ctx, participant);
      const day = notInFuture(ctx, 'day', optionalDate(ctx, 'day', input.day) ?? todayInFrance(ctx.now));
      const entry = ctx.em.create(JournalEntry, {
        tenant: participant.tenant,
        participant,
        author: ctx.em.getReference(User, ctx.actor!.userId),
        day,
        text: requiredText(ctx, 'text', input.text),
      });
      await saveChanges(ctx);
      await ctx.em.populate(entry, ['author']);
      return entry;
    },
    (id) => ctx.em.findOne(JournalEntry, { id }, { populate: ['author'] }),
  );
}
