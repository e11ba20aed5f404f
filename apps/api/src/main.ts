import 'reflect-metadata';
import { loadConfig } from './config';
import { openDatabase } from './db/database';
import { DEMO_PASSWORD, demoTenants } from './db/seed/demo-data';
import { dayInFrance } from './graphql/date-input';
import { buildServer } from './server';
import { EXPIRY_SWEEP_INTERVAL_MS, sweepEndedConsents } from './modules/consent/consent-expiry';
import { MAIL_SWEEP_INTERVAL_MS, mailTransport, sendNotificationEmails } from './modules/notifications/notification-emails';
import { sendOfficeHoursReminders } from './modules/office-hours/office-hours-reminders';
import { remindDueReports } from './modules/contracts/report-reminders';
import { RETENTION_SWEEP_INTERVAL_MS, sweepRetention } from './modules/retention/retention-run';

/** config → database → server; on SIGTERM/SIGINT, finish in-flight requests, then close the pool. */
async function main(): Promise<void> {
  const config = loadConfig();
  // Before the server's logger exists (migrations, seeding): the same two formats.
  const bootLog = {
    info: (obj: object, msg: string) =>
      console.log(config.LOG_FORMAT === 'json' ? JSON.stringify({ level: 30, time: Date.now(), msg, ...obj }) : `${msg} ${JSON.stringify(obj)}`),
  };
  const database = await openDatabase(config, bootLog);
  const app = await buildServer(config, database);
  await app.listen({ host: config.HOST, port: config.PORT });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = config.PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
  app.log.info({ url, database: database.kind }, 'Jalon is ready');
  if (config.SEED_DEMO) {
    const logins = demoTenants(dayInFrance(new Date())).flatMap((t) =>
      t.users.map((u) => `  ${u.email.padEnd(24)} ${u.role.padEnd(14)} ${t.organisations.find((o) => o.key === u.organisation)!.name} — ${t.name}`),
    );
    process.stdout.write(`\nJalon: ${url}\nDemo logins (password "${DEMO_PASSWORD}"):\n${[...new Set(logins)].join('\n')}\n\n`);
  }

  // Consents end by themselves: record it (and tell the partners) within a minute of their end.
  // Employers are reminded of last month's reports once the month is over.
  const sweep = setInterval(() => {
    sweepEndedConsents(database.orm, new Date()).then(
      (ended) => ended > 0 && app.log.info({ ended }, 'consents ended'),
      (error: unknown) => app.log.error({ err: error }, 'consent expiry sweep failed'),
    );
    remindDueReports(database.orm, new Date()).then(
      (sent) => sent > 0 && app.log.info({ sent }, 'report reminders sent'),
      (error: unknown) => app.log.error({ err: error }, 'report reminder sweep failed'),
    );
  }, EXPIRY_SWEEP_INTERVAL_MS);
  sweep.unref();

  // Notifications also go out by email when a mail server is configured.
  const transport = mailTransport(config);
  const mail =
    transport &&
    setInterval(() => {
      sendNotificationEmails(database.orm, transport, config, new Date()).then(
        (sent) => sent > 0 && app.log.info({ sent }, 'notification emails sent'),
        (error: unknown) => app.log.error({ err: error }, 'notification email sweep failed'),
      );
      sendOfficeHoursReminders(database.orm, transport, config, new Date()).then(
        (sent) => sent > 0 && app.log.info({ sent }, 'office hours reminders sent'),
        (error: unknown) => app.log.error({ err: error }, 'office hours reminder sweep failed'),
      );
    }, MAIL_SWEEP_INTERVAL_MS);
  mail?.unref();

  // The files' retention runs once a day in each PLIE, at night; every instance may try, one does it.
  const retention = setInterval(() => {
    sweepRetention(database.orm, new Date()).then(
      (runs) => runs.length > 0 && app.log.info({ runs }, 'retention runs done'),
      (error: unknown) => app.log.error({ err: error }, 'retention run failed'),
    );
  }, RETENTION_SWEEP_INTERVAL_MS);
  retention.unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      app.log.error({}, 'shutdown grace period over: exiting');
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS);
    force.unref();
    clearInterval(sweep);
    if (mail) clearInterval(mail);
    clearInterval(retention);
    await app.close();
    app.log.info({}, 'server closed: closing the database');
    await database.close();
    app.log.info({}, 'stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
