import autocannon from 'autocannon';

/**
 * The load generator, in a process of its own so it never competes with a server for its thread:
 * one autocannon run described by BENCH_LOAD (JSON), its result printed as JSON on stdout.
 */
const options = JSON.parse(process.env.BENCH_LOAD!) as autocannon.Options;
autocannon(options)
  .then((result) => process.stdout.write(JSON.stringify(result)))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
