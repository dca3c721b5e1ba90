import { parseArgs } from 'node:util';
import { bootApp, previewApiDocument } from './bootstrap.js';
import { ROLES, type Role } from './common/auth/role.js';
import { DomainError } from './common/errors/domain-error.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { backupDatabase, restoreDatabase } from './database/backup/backup.js';
import { BackupError } from './database/backup/backup-file.js';
import { DemoDataSeeder } from './seed/demo-data.seeder.js';
import { generatePassword, MIN_PASSWORD_LENGTH } from './users/password.js';
import { UsersService } from './users/users.service.js';

const USAGE = `usage:
  npm run cli -- create-user --role organiser|reception|speaker [--role …] --email EMAIL [--password PASSWORD] [--name NAME]
      (without --password, CLI_PASSWORD is used, else a password is generated and printed once)
  npm run cli -- seed-demo        load the clearly fictitious demo data set (same as npm run seed:demo)
  npm run cli -- openapi          print the OpenAPI document (as served at /docs-json) on standard output
  npm run cli -- backup FILE      save the database to FILE (embedded: PGlite's archive of DATA_DIR, stop npm start first;
                                  DATABASE_URL: pg_dump's custom format, safe while the servers run)
  npm run cli -- restore FILE [--force]
                                  load FILE into the database; refuses a database that already holds one unless --force
Runs against DATABASE_URL, or the embedded database in DATA_DIR (stop npm start first);
openapi uses a throwaway in-memory database and listens nowhere.`;

async function createUser(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { role: { type: 'string', multiple: true }, email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
  });
  const roles = values.role ?? [];
  if (!values.email || roles.length === 0) throw new ConfigError(USAGE);
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length) throw new ConfigError(`unknown role(s): ${unknown.join(', ')} (roles: ${ROLES.join(', ')})`);
  const given = values.password ?? process.env.CLI_PASSWORD;
  if (given !== undefined && given.length < MIN_PASSWORD_LENGTH) throw new ConfigError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  const password = given ?? generatePassword();
  const booted = await bootApp({ ...loadConfig(), seedReferenceData: false, outboxPollMs: 0 }, { quiet: true });
  try {
    const user = await booted.app.get(UsersService).createAccount({
      email: values.email,
      password,
      displayName: values.name ?? null,
      roles: roles as Role[],
    });
    console.log(`created ${user.email} (${user.roles.join(', ')})`);
    if (given === undefined) console.log(`password (shown once): ${password}`);
  } finally {
    await booted.close();
  }
}

async function seedDemo(): Promise<void> {
  const booted = await bootApp({ ...loadConfig(), outboxPollMs: 0 }, { quiet: true });
  try {
    const report = await booted.app.get(DemoDataSeeder).seed();
    console.log(report.length ? `demo data loaded:\n  ${report.join('\n  ')}` : 'demo data already loaded: nothing to do');
  } finally {
    await booted.close();
  }
}

/** The OpenAPI document, built as the server builds it, without a database and without listening. */
async function printOpenApi(): Promise<void> {
  // the defaults, whatever this shell's environment says: no setting changes a route
  process.stdout.write(`${JSON.stringify(await previewApiDocument(loadConfig({})), null, 2)}\n`);
}

async function backup(args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new ConfigError(USAGE);
  console.log(await backupDatabase(loadConfig(), positionals[0] as string));
}

async function restore(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { force: { type: 'boolean' } } });
  if (positionals.length !== 1) throw new ConfigError(USAGE);
  console.log(await restoreDatabase(loadConfig(), positionals[0] as string, values.force === true));
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'create-user') return createUser(rest);
  if (command === 'seed-demo') return seedDemo();
  if (command === 'openapi') return printOpenApi();
  if (command === 'backup') return backup(rest);
  if (command === 'restore') return restore(rest);
  throw new ConfigError(USAGE);
}

main().catch((error: unknown) => {
  const code = (error as { code?: unknown }).code;
  if (error instanceof ConfigError || error instanceof DomainError || error instanceof BackupError) console.error(error.message);
  else if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) console.error(`${(error as Error).message}\n${USAGE}`);
  else console.error(error);
  process.exit(1);
});
