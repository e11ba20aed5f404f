import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { RequestContext } from '../context/request-context';
import { errors, UserFacingError, type ErrorCode } from '../graphql/errors';
import { MAX_PAGE_SIZE } from '../graphql/pagination';
import { translate } from '../i18n/messages';
import type { ExportCell, StreamedDocument } from './export-document';
import { translator, type ListExport } from './list-exports';

/** Refusals the viewer gets as they are, as from the list itself. */
const PASSED_ON = new Set<string>(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'SERVICE_UNAVAILABLE']);

interface Connection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: never }>;
}

/** Ended by the viewer (the download was cancelled) or by a failure after the first page: nothing more is written. */
export class ExportInterrupted extends Error {}

/**
 * One page of the list, run as the page itself runs it: the same operation through Apollo with
 * the request's context, so its rule, input limits, consent filter, redaction and access log apply.
 */
async function runPage(apollo: ApolloServer<RequestContext>, ctx: RequestContext, list: ListExport, variables: Record<string, unknown>, after: string | null) {
  const page = list.paginated ? { page: { first: MAX_PAGE_SIZE, after } } : {};
  const response = await apollo.executeOperation({ query: list.query, variables: { ...variables, ...page } }, { contextValue: ctx });
  if (response.body.kind !== 'single') throw new Error('Incremental delivery is not enabled');
  const { data, errors: failures } = response.body.singleResult;
  const failure = failures?.[0];
  if (failure) throw refusal(ctx, failure);
  const value = (data as Record<string, unknown> | null | undefined)?.[list.field];
  if (list.paginated) return value as Connection;
  const nodes = value as never[];
  return { totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: nodes.map((node) => ({ node })) };
}

function refusal(ctx: RequestContext, failure: GraphQLFormattedError): Error {
  const code = String(failure.extensions?.code ?? '');
  if (PASSED_ON.has(code)) {
    const field = failure.extensions?.field;
    return new UserFacingError(code as ErrorCode, failure.message, typeof field === 'string' ? { field } : {});
  }
  // The page's filters did not fit the list's query (a variable of the wrong type, an unknown value).
  if (code.startsWith('GRAPHQL_')) return errors.badInput(ctx, 'variables', 'error.exportFilterInvalid');
  // Already logged with its request id by Apollo's error masking.
  return new Error(`Export page failed: ${code}`);
}

/**
 * The list as a document whose rows arrive a page (100) at a time. The first page is read here,
 * so a refusal is answered before any byte of the file; the others as the writer asks for them.
 * Between pages the request's caches (identity map, batch loaders, redaction notes) are emptied
 * and the event loop gets a turn: memory stays flat and other requests go on, however long the list.
 * What the partner read stays noted in `ctx.consent` for the access log.
 */
export async function listDocument(
  apollo: ApolloServer<RequestContext>,
  ctx: RequestContext,
  list: ListExport,
  variables: Record<string, unknown>,
  filters: Array<{ label: string; value: string }>,
  stillWanted: () => boolean,
): Promise<{ document: StreamedDocument; total: number }> {
  const t = translator(ctx.locale);
  const first = await runPage(apollo, ctx, list, variables, null);
  const rowsOf = (connection: Connection): ExportCell[][] => connection.edges.map(({ node }) => list.row(node, t));

  async function* pages(): AsyncIterable<ExportCell[][]> {
    let connection = first;
    yield rowsOf(connection);
    while (connection.pageInfo.hasNextPage) {
      // Pending changes (the session's sliding idle time) are written before the identity map is emptied.
      await ctx.em.flush();
      ctx.em.clear();
      ctx.loaders.clear();
      ctx.redactions.length = 0;
      await nextTurn();
      if (!stillWanted()) throw new ExportInterrupted('The download was cancelled');
      try {
        connection = await runPage(apollo, ctx, list, variables, connection.pageInfo.endCursor);
      } catch (error) {
        throw new ExportInterrupted('A page of the export failed', { cause: error });
      }
      yield rowsOf(connection);
    }
  }

  const title = translate(ctx.locale, list.title);
  const document: StreamedDocument = {
    title,
    filters,
    tables: [{ title, columns: list.columns.map((column) => ({ label: translate(ctx.locale, column.label), format: column.format })), pages: pages() }],
  };
  return { document, total: first.totalCount };
}
