import 'reflect-metadata';
import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module.js';
import { configureHttp } from '../src/bootstrap.js';
import type { AppConfig } from '../src/config/app-config.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { runPendingMigrations } from '../src/database/migrate.js';
import { ReferenceDataSeeder } from '../src/seed/reference-data.seeder.js';
import { UsersService } from '../src/users/users.service.js';

export interface BenchApp {
  app: NestExpressApplication;
  dataSource: DataSource;
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * The steps of `bootApp` (src/bootstrap.ts), with extra modules imported next to AppModule so that
 * the baseline routes live in the very same application. Kept step for step in line with bootApp:
 * when bootApp gains an `extraModules` option, this file reduces to one call.
 */
export async function bootBenchApp(config: AppConfig, extraModules: Array<Type | DynamicModule>): Promise<BenchApp> {
  let embedded: EmbeddedPostgres | null = null;
  let app: NestExpressApplication | undefined;
  try {
    embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
    const target = { url: config.databaseUrl ?? (embedded as EmbeddedPostgres).url, embedded: embedded !== null };
    const root = AppModule.forRoot(config, target);
    app = await NestFactory.create<NestExpressApplication>(
      { ...root, imports: [...(root.imports ?? []), ...extraModules] },
      { bodyParser: false, logger: false },
    );
    const dataSource = app.get(DataSource);
    await runPendingMigrations(dataSource, target.embedded);
    await app.get(UsersService).ensureFirstOrganiser({
      email: config.adminEmail,
      password: config.adminPassword,
      allowGenerated: target.embedded,
    });
    if (config.seedReferenceData) await app.get(ReferenceDataSeeder).seed();
    configureHttp(app);
    await app.init();
    const booted = app;
    const engine = embedded;
    return {
      app,
      dataSource,
      embedded: engine !== null,
      async close() {
        await booted.close();
        await engine?.stop();
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}
