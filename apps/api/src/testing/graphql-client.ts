import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';

export interface GraphqlResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
  headers: OutgoingHttpHeaders;
  raw: string;
}

/** A browser-like client: it keeps the session cookie between requests, as the portal does. */
export class GraphqlClient {
  cookie: string | null = null;

  constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string> = {},
  ) {}

  async request<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    extraHeaders: Record<string, string> = {},
  ): Promise<GraphqlResponse<T>> {
    const response = await this.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...this.headers, ...(this.cookie ? { cookie: this.cookie } : {}), ...extraHeaders },
      payload: JSON.stringify({ query, variables }),
    });
    const setCookie = response.cookies.find((c) => c.name === 'jalon_session');
    if (setCookie) this.cookie = setCookie.value ? `jalon_session=${setCookie.value}` : null;
    const body = JSON.parse(response.body) as { data?: T; errors?: GraphqlResponse['errors']; extensions?: Record<string, unknown> };
    return { status: response.statusCode, data: body.data, errors: body.errors, extensions: body.extensions, headers: response.headers, raw: response.body };
  }

  /** Runs an operation that must succeed, and returns its data. */
  async data<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await this.request<T>(query, variables);
    if (response.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
    return response.data as T;
  }

  async login(email: string, password: string): Promise<void> {
    await this.data(`mutation($input: LoginInput!) { login(input: $input) { user { id } } }`, { input: { email, password } });
  }
}

export const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { user { email } activeMembership { id role tenant { name } } } }`;

/** The nodes of a connection, in order. */
export function nodesOf<T = any>(connection: { edges: Array<{ node: T }> }): T[] {
  return connection.edges.map((edge) => edge.node);
}
