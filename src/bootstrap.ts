import 'reflect-metadata';
import type { Server } from 'node:http';
import { DynamicModule, INestApplication, Logger as NestLogger, Type } from '@nestjs/common';
import { compressResponses } from './common/http/compress-responses.js';
import { closeConnectionsAsTheyFallIdle, keepConnectionsLongerThanClients } from './common/http/keep-alive.js';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication, NestExpressBodyParserOptionsFor } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter.js';
import { BODY_LIMITS, rejectDeepJson, verifyJsonShape } from './common/http/json-depth.js';
import { ErrorBodyDto, finishApiDocument } from './common/http/api-docs.js';
import { PinoNestLogger } from './common/logging/pino-logging.module.js';
import { createValidationPipe } from './common/http/validation.js';
import type { AppConfig } from './config/app-config.js';
import type { PGlite } from '@electric-sql/pglite';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './database/embedded-postgres.js';
import { runPendingMigrations } from './database/migrate.js';
import { ReferenceDataSeeder } from './seed/reference-data.seeder.js';
import { UsersService } from './users/users.service.js';

/** Largest JSON or form body accepted; larger ones get 413 (so do bodies past BODY_LIMITS' counts). */
export const MAX_BODY = '1mb';

export interface BootedApp {
  app: NestExpressApplication;
  dataSource: DataSource;
  embedded: EmbeddedPostgres | null;
  /** The OpenAPI document, as served at /docs-json: built on first use (this call or the first request for it), then kept. */
  apiDocument(): OpenAPIObject;
  /** Set when the first organiser was created with a generated password (shown once). */
  firstOrganiser: { email: string; generatedPassword: string | null } | null;
  /** Closes HTTP, then the database connections, then the embedded engine. */
  close(): Promise<void>;
}

/**
 * Applies the HTTP conventions of the API: prefix, body limits, validation, errors, OpenAPI. Returns
 * the OpenAPI document's getter: the document is built when first asked for (/docs, /docs-json,
 * /docs-yaml or the getter), not at start-up, where it took ≈ 0.3 s of a server's start.
 */
export function configureHttp(app: NestExpressApplication, trustProxy: string | number | false = 'loopback', prebuilt?: OpenAPIObject): () => OpenAPIObject {
  // Nest's types leave `verify` out as it sets one itself for `rawBody: true`, which this app does not use:
  // verifyJsonShape bounds a JSON body's keys and items before it is parsed (see json-depth.ts).
  // JSON and CSV answers over 1 KB compressed as the client accepts (the stored programme sends its own precompressed bytes)
  app.use(compressResponses);
  app.useBodyParser('json', { limit: MAX_BODY, verify: verifyJsonShape } as NestExpressBodyParserOptionsFor<'json'>);
  app.useBodyParser('urlencoded', { limit: MAX_BODY, extended: false, parameterLimit: BODY_LIMITS.keysPerObject });
  app.use(rejectDeepJson);
  // served outside /api: the reception desk page (src/desk), the web app (src/web-app), the home page
  // and the public programme pages (src/programme-pages)
  setApiPrefix(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.disable('x-powered-by');
  keepConnectionsLongerThanClients(app.getHttpServer() as Server);
  // whose X-Forwarded-For gives the client's address (login limits, logs): TRUST_PROXY
  app.set('trust proxy', trustProxy);
  let document = prebuilt;
  const apiDocument = () => (document ??= buildApiDocument(app));
  SwaggerModule.setup('docs', app, apiDocument, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
  return apiDocument;
}

/** Every route under /api but these (the desk page, the web app, the home page, the public programme pages, /health). */
function setApiPrefix(app: NestExpressApplication): void {
  app.setGlobalPrefix('api', { exclude: ['health', 'desk', 'desk/*path', 'app', 'app/*path', '/', 'programme', 'programme/*path'] });
}

/**
 * The OpenAPI document as the server serves it, without a database: Nest's preview mode registers
 * the modules and their routes without creating a provider, so nothing connects anywhere (`npm run
 * cli -- openapi`, which `npm run lint` reads; test/openapi checks it equals the served document).
 */
export async function previewApiDocument(config: AppConfig): Promise<OpenAPIObject> {
  const unused = { url: 'postgres://preview.invalid/none', embedded: false };
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, unused), { preview: true, logger: false, bodyParser: false });
  try {
    setApiPrefix(app);
    return buildApiDocument(app);
  } finally {
    await app.close();
  }
}

/** The OpenAPI document of the application's routes, as served at /docs-json. */
function buildApiDocument(app: NestExpressApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Colloquium back-office')
    .setDescription(
      'Villes et territoires numériques 2012 and the Label Ville Internet ceremony. Every error has the body ' +
        '{ statusCode, error, message, details?, requestId }. Times are read and written in the event’s time zone.',
    )
    .setVersion('1')
    .build();
  return finishApiDocument(SwaggerModule.createDocument(app, config, { extraModels: [ErrorBodyDto] }));
}

/** How `bootApp` builds the application beyond its settings. */
export interface BootOptions {
  /** No Nest or pino logging (tests, CLI). */
  quiet?: boolean;
  /** Modules imported beside AppModule (the benchmark's baseline routes). */
  extraModules?: Array<Type | DynamicModule>;
  /**
   * The embedded engine starts from this dumped data directory instead of an empty one (the test
   * harness's copy, already migrated and seeded: see docs/testing.md). Ignored with DATABASE_URL.
   */
  embeddedInitialData?: Blob;
  /**
   * With DATA_DIR=:memory:, serve this open database instead of opening one (the test harness's,
   * kept by each test worker and reset between files: docs/testing.md). Closing the application
   * leaves it open. Ignored with DATABASE_URL.
   */
  embeddedDatabase?: PGlite;
  /**
   * The OpenAPI document this same code builds, built before (the test harness keeps one per version of
   * the code: building it takes a third of a boot). Served as given.
   */
  apiDocument?: OpenAPIObject;
}

/**
 * Builds the application: connects to DATABASE_URL or starts the embedded PostgreSQL, applies
 * pending migrations, makes sure an organiser exists, loads the 2012 reference data, and wires HTTP.
 * The caller decides whether to listen.
 */
export async function bootApp(config: AppConfig, options: BootOptions = {}): Promise<BootedApp> {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, { initialData: options.embeddedInitialData, database: options.embeddedDatabase });
  const target = { url: config.databaseUrl ?? (embedded as EmbeddedPostgres).url, embedded: embedded !== null };
  let app: NestExpressApplication | undefined;
  try {
    const root = AppModule.forRoot(config, target);
    const module = options.extraModules?.length ? { ...root, imports: [...(root.imports ?? []), ...options.extraModules] } : root;
    app = await NestFactory.create<NestExpressApplication>(module, {
      bodyParser: false,
      bufferLogs: true,
      logger: options.quiet ? false : undefined,
    });
    app.useLogger(options.quiet ? false : app.get(PinoNestLogger));
    const dataSource = app.get(DataSource);
    const log = new NestLogger('Bootstrap');
    const applied = await runPendingMigrations(dataSource, target.embedded);
    if (applied.length) log.log(`applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
    const firstOrganiser = await app.get(UsersService).ensureFirstOrganiser({
      email: config.adminEmail,
      password: config.adminPassword,
      allowGenerated: target.embedded,
    });
    if (config.seedReferenceData) await app.get(ReferenceDataSeeder).seed();
    const apiDocument = configureHttp(app, config.trustProxy, options.apiDocument);
    await app.init();
    const booted = app;
    let closed = false;
    return {
      app,
      dataSource,
      embedded,
      apiDocument,
      firstOrganiser,
      async close() {
        if (closed) return;
        closed = true;
        closeConnectionsAsTheyFallIdle(booted.getHttpServer() as Server);
        await booted.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}

export type { INestApplication };
