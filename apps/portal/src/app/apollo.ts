import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { currentLocale } from './i18n';
import { retryLink } from './retry-link';

export type SessionLostReason = 'SESSION_EXPIRED' | 'NOT_LOGGED_IN';

let sessionLostHandler: (reason: SessionLostReason) => void = () => {};

/** Registers what to do when the API says the session is gone (expired, revoked, or never there). */
export function onSessionLost(handler: (reason: SessionLostReason) => void): void {
  sessionLostHandler = handler;
}

// Every request carries the UI locale: the API translates its error messages with it.
const localeLink = new SetContextLink((previous) => ({
  headers: { ...previous.headers, 'accept-language': currentLocale() },
}));

const sessionLink = new ErrorLink(({ error }) => {
  if (!CombinedGraphQLErrors.is(error)) return;
  for (const graphQLError of error.errors) {
    const { code, reason } = graphQLError.extensions ?? {};
    if (code === 'UNAUTHENTICATED' && (reason === 'SESSION_EXPIRED' || reason === 'NOT_LOGGED_IN')) {
      sessionLostHandler(reason);
      return;
    }
  }
});

// Same origin in production (the API serves the portal); Vite proxies /graphql in development.
// POST with content-type application/json satisfies Apollo Server's CSRF prevention.
const httpLink = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });

export const apolloClient = new ApolloClient({
  link: ApolloLink.from([sessionLink, retryLink, localeLink, httpLink]),
  cache: new InMemoryCache({
    typePolicies: {
      // No id of its own: what the viewer may do with a file is merged into the file's cached entry.
      ParticipantAccess: { merge: true },
    },
  }),
  defaultOptions: {
    watchQuery: { fetchPolicy: 'cache-and-network' },
  },
});
