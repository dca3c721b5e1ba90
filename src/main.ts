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
  log.log(`Back-office on ${base} — API documentation: ${base}/docs (OpenAPI: ${base}/docs-json), health: ${base}/health`);
  log.log(booted.embedded ? `Database: embedded PostgreSQL (${booted.embedded.dataDir})` : 'Database: DATABASE_URL');
  if (booted.firstOrganiser?.generatedPassword) {
    // Printed once: the password is not stored anywhere in clear.
    log.warn(
      `First organiser created. Log in with POST ${base}/api/auth/login {"email":"${booted.firstOrganiser.email}","password":"${booted.firstOrganiser.generatedPassword}"} — this password is shown only now.`,
    );
  } else if (booted.firstOrganiser) {
    log.log(`First organiser created: ${booted.firstOrganiser.email} (password from ADMIN_PASSWORD)`);
  } else {
    log.log(`Log in with POST ${base}/api/auth/login {"email","password"} using an existing organiser account`);
  }

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
