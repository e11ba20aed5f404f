import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import pinoPretty from 'pino-pretty';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { Config } from './config';
import { type Database, pingDatabase } from './db/database';
import fastifyMultipart from '@fastify/multipart';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './db/database-unavailable';
import { errorForLog } from './db/error-log';
import { createApollo } from './graphql/apollo';
import { errors } from './graphql/errors';
import { pickLocale } from './i18n/messages';
import { registerGraphqlRoute } from './graphql/graphql-route';
import { getSchema } from './graphql/schema';
import { registerAgendaIcsRoute } from './modules/appointments/agenda-ics.route';
import { registerOfficeHoursCalendarRoute } from './modules/office-hours/office-hours-calendar.route';
import { registerListExportRoutes } from './exports/list-export.route';
import { registerActivityReportRoutes } from './modules/reports/activity-report.route';
import { registerEsfIndicatorRoutes } from './modules/esf/esf-indicators.route';
import { registerEsfExportRoutes } from './modules/esf/esf-export.route';
import { registerImportRoutes } from './modules/import/import.route';
import { registerConsentDocumentRoutes } from './modules/consent/consent-documents.route';
import { registerMySpaceRoutes } from './modules/participant-space/my-space.route';
import { DOCUMENT_MAX_BYTES } from './modules/documents/uploaded-file';
import { registerReferralAttachmentRoutes } from './modules/referrals/referral-attachments.route';
import { registerMeetingFileRoutes } from './modules/meetings/meeting-files.route';
import { KeptPartnerConsents } from './access/partner-consents';

// The portal needs inline styles (PrimeVue themes); nothing else is loaded from anywhere but here.
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

/** Each request logged at debug, not info: one line per request drowns what matters; a failed one stays an error. */
class RequestsAtDebug extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) reply.log.error({ res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.debug({ res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
  override routeNotFound(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'route not found');
  }
}

/** One Fastify app serving the GraphQL API, health checks and the built portal, on one port. */
export interface ServerOptions {
  /** The time every request runs at; tests move it. */
  clock?: () => Date;
  /** Where the log goes (stdout by default); tests read it to check what is logged. */
  logStream?: { write(line: string): void };
}

export async function buildServer(config: Config, database: Database, { clock = () => new Date(), logStream }: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.LOG_LEVEL,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      // Every logged error, here and in GraphQL's error masking, goes through it: no SQL, parameters or key values.
      serializers: { err: errorForLog },
      stream: logStream ?? (config.LOG_FORMAT === 'pretty' ? pinoPretty({ sync: true, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss' }) : undefined),
    },
    logController: new RequestsAtDebug(),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1_048_576,
    forceCloseConnections: 'idle',
    trustProxy: process.env.TRUST_PROXY === 'true',
  });

  // While shutting down, answer in-flight requests with `Connection: close` so keep-alive sockets end with them.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });

  app.addHook('onSend', async (request, reply) => {
    if (closing) reply.header('connection', 'close');
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    // Invitation links carry a secret: never leak it to other sites through the Referer.
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    if (request.url.startsWith('/graphql')) reply.header('cache-control', 'no-store');
  });

  // Cross-site requests carrying the session cookie are refused outright, whatever Apollo's own CSRF check says.
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (!origin || request.method === 'GET' || request.method === 'HEAD') return;
    const allowed = [`${request.protocol}://${request.host}`, config.PUBLIC_URL && new URL(config.PUBLIC_URL).origin];
    if (!allowed.includes(origin)) await reply.code(403).send({ error: 'Cross-origin request refused' });
  });

  // Outside GraphQL too, an unexpected error is logged (by errorForLog, with the request id) and answered without detail.
  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    // The request's transaction could not open or commit: temporary, say so and when to retry.
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      const { message, extensions } = errors.unavailable({ locale: pickLocale(request.headers['accept-language']) });
      reply.code(503).header('retry-after', String(RETRY_AFTER_SECONDS));
      // GraphQL clients read errors[].extensions.code; the file routes answer { error, code } like their other refusals.
      if (request.url.startsWith('/graphql')) return reply.send({ errors: [{ message, extensions }] });
      return reply.send({ error: message, code: extensions.code, requestId: request.id });
    }
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'unexpected error');
    return reply.code(status).send({ error: status === 500 ? 'Internal Server Error' : error.message, requestId: request.id });
  });

  await app.register(fastifyCookie);

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await pingDatabase(database.orm);
      return { status: 'ready', database: database.kind };
    } catch (error) {
      app.log.warn({ err: error }, 'database not reachable');
      return reply.code(503).send({ status: 'unavailable' });
    }
  });

  const apollo = await createApollo(await getSchema(), config, app.log);
  app.addHook('onClose', () => apollo.stop());
  const deps = { orm: database.orm, config, clock, keptConsents: new KeptPartnerConsents() };
  registerGraphqlRoute(app, deps, apollo);
  registerAgendaIcsRoute(app, deps);
  registerOfficeHoursCalendarRoute(app, deps);
  registerListExportRoutes(app, deps, apollo);
  registerActivityReportRoutes(app, deps);
  registerEsfIndicatorRoutes(app, deps);
  registerEsfExportRoutes(app, deps);
  registerImportRoutes(app, deps);
  // Uploads (a consent's signed form, a referral's attachments): one file per request, checked by its own bytes.
  await app.register(fastifyMultipart, { limits: { fileSize: DOCUMENT_MAX_BYTES + 1, files: 1, fields: 0 } });
  registerConsentDocumentRoutes(app, deps);
  registerMySpaceRoutes(app, deps);
  registerReferralAttachmentRoutes(app, deps);
  registerMeetingFileRoutes(app, deps);

  const indexHtml = path.join(config.PORTAL_DIST, 'index.html');
  if (fs.existsSync(indexHtml)) {
    // Files are looked up per request, so a rebuilt portal is served without a restart.
    await app.register(fastifyStatic, { root: config.PORTAL_DIST, wildcard: true, index: false });
    // The portal routes in the browser: any other GET that wants a page gets the app shell.
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && request.headers.accept?.includes('text/html')) return reply.type('text/html').sendFile('index.html');
      return reply.code(404).send({ error: 'Not found' });
    });
    app.get('/', (_request, reply) => reply.type('text/html').sendFile('index.html'));
  } else {
    app.log.warn({ portal: config.PORTAL_DIST }, 'portal not built: serving the API only');
  }
  return app;
}
