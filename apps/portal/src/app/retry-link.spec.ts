import { ApolloClient, ApolloLink, InMemoryCache, ServerError } from '@apollo/client';
import { gql } from '@apollo/client';
import { Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { errorCode, errorMessage } from './graphql-errors';
import { MAX_ATTEMPTS, retryLink } from './retry-link';

const UNAVAILABLE = JSON.stringify({
  errors: [
    {
      message: 'Le service est momentanément indisponible, réessayez dans quelques instants.',
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 2 },
    },
  ],
});

/** An API that answers `failures` times with `status`, then with data; it counts the requests it got. */
function flakyApi(failures: number, status = 503) {
  const api = { requests: 0 };
  const link = new ApolloLink(
    () =>
      new Observable((observer) => {
        api.requests++;
        if (api.requests <= failures) {
          const response = new Response(UNAVAILABLE, { status, headers: { 'content-type': 'application/json', 'retry-after': '2' } });
          observer.error(new ServerError(`Response not successful: Received status code ${status}`, { response, bodyText: UNAVAILABLE }));
        } else {
          observer.next({ data: { ping: 'pong' } });
          observer.complete();
        }
      }),
  );
  const client = new ApolloClient({ link: ApolloLink.from([retryLink, link]), cache: new InMemoryCache() });
  return { api, client };
}

const QUERY = gql`
  query Ping {
    ping
  }
`;
const MUTATION = gql`
  mutation Ping($input: PingInput!) {
    ping(input: $input)
  }
`;

describe('the portal while the API is momentarily unavailable', () => {
  it('retries a read until it succeeds', async () => {
    const { api, client } = flakyApi(2);
    const { data } = await client.query({ query: QUERY, fetchPolicy: 'network-only' });
    expect(data).toEqual({ ping: 'pong' });
    expect(api.requests).toBe(3);
  });

  it('retries a create sent with its idempotency key', async () => {
    const { api, client } = flakyApi(1);
    const { data } = await client.mutate({ mutation: MUTATION, variables: { input: { idempotencyKey: 'k-123456789' } } });
    expect(data).toEqual({ ping: 'pong' });
    expect(api.requests).toBe(2);
  });

  it('does not retry a write without a key, and says in words that the service is momentarily unavailable', async () => {
    const { api, client } = flakyApi(1);
    const error = await client.mutate({ mutation: MUTATION, variables: { input: { version: 3 } } }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(api.requests).toBe(1);
    expect(errorCode(error)).toBe('SERVICE_UNAVAILABLE');
    expect(errorMessage(error, 'Erreur réseau')).toBe('Le service est momentanément indisponible, réessayez dans quelques instants.');
  });

  it('gives up after a bounded number of attempts', async () => {
    const { api, client } = flakyApi(Infinity);
    await expect(client.query({ query: QUERY, fetchPolicy: 'network-only' })).rejects.toThrow();
    expect(api.requests).toBe(MAX_ATTEMPTS);
  }, 20_000);

  it('does not retry a fault of the API itself (500)', async () => {
    const { api, client } = flakyApi(1, 500);
    await expect(client.query({ query: QUERY, fetchPolicy: 'network-only' })).rejects.toThrow();
    expect(api.requests).toBe(1);
  });
});
