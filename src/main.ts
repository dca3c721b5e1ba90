import { Logger } from '@nestjs/common';
import { bootApp } from './bootstrap.js';
import { ConfigError, loadConfig } from './config/app-config.js';

/** `npm start`: serves the back-office on PORT (3000), on the embedded PostgreSQL unless DATABASE_URL is set. */
async function main(): Promise<void> {
  const config = loadConfig();
  const booted = await bootApp(config);
  const log = new Logger('Main');
  await booted.app.listen(config.port, config.host);
  const base = `http://localhost:${config.port}`;
  log.log(`listening on ${base} (${booted.embedded ? `embedded PostgreSQL in ${booted.embedded.dataDir}` : 'DATABASE_URL'})`);
  const first = booted.firstOrganiser;
  // A plain-text banner for the person who typed `npm start`; the JSON log lines stay machine-readable.
  const banner = [
    '',
    `  Back-office ready on ${base}`,
    `  API documentation: ${base}/docs   (OpenAPI document: ${base}/docs-json)`,
    `  Health: ${base}/health`,
    first?.generatedPassword
      ? `  First organiser created: email: ${first.email}  password: ${first.generatedPassword}\n  (shown only now: write it down, or create another organiser with npm run cli -- create-user)`
      : first
        ? `  First organiser created: ${first.email} (password from ADMIN_PASSWORD)`
        : '  Log in with an existing organiser account',
    `  Log in: curl -X POST ${base}/api/auth/login -H 'content-type: application/json' -d '{"email":"…","password":"…"}'`,
    '',
  ];
  process.stdout.write(`${banner.join('\n')}\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.log(`${signal}: finishing requests in flight, then closing the database`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await booted.close();
      process.exit(0);
    } catch (error) {
      log.error(error);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
