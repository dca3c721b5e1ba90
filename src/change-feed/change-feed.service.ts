import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { KeptReads, type KeepPermission } from './kept-reads.js';

/** The channel the triggers of migration ChangeNotifications notify on; the payload is the table's name. */
export const CHANGES_CHANNEL = 'app_changes';
/** How the listening connection names itself in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = 'colloquium-back-office-listener';
/** Wait before listening again after the connection was lost (reading through meanwhile). */
const RECONNECT_MS = 1000;

/**
 * The instance's ear on PostgreSQL: what it keeps in memory (KeptReads) is forgotten when a trigger
 * says one of its tables changed. On a server, a connection of its own runs `LISTEN app_changes`;
 * the embedded engine is one session in this process, so its one pooled connection listens and
 * hears the notifications with the COMMIT's answer, before the writer goes on. While not listening
 * (starting, or the connection lost until it is back) nothing is kept: every read goes to the
 * database, and everything kept is forgotten when listening stops and again when it starts.
 */
@Injectable()
export class ChangeFeedService implements OnApplicationBootstrap, OnApplicationShutdown, KeepPermission {
  private readonly log = new Logger('ChangeFeed');
  private readonly caches: Array<KeptReads<unknown, unknown>> = [];
  private readonly embeddedClients = new WeakSet<pg.ClientBase>();
  private listener: pg.Client | null = null;
  private reconnect: NodeJS.Timeout | null = null;
  private stopping = false;
  private listeningNow = false;
  /** How many times listening was lost (for tests and the log). */
  losses = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  get listening(): boolean {
    return this.listeningNow;
  }

  /** A cache forgotten whenever one of `tables` changes. */
  cache<K, V>(name: string, tables: readonly string[], maxEntries?: number): KeptReads<K, V> {
    const cache = new KeptReads<K, V>(name, tables, this, maxEntries);
    this.caches.push(cache as KeptReads<unknown, unknown>);
    return cache;
  }

  /** `table` changed: forget what was read from it (a notification, or this instance's own committed write). */
  changed(table: string): void {
    for (const cache of this.caches) if (cache.tables.includes(table)) cache.forgetAll();
  }

  /** A notification on any connection that listens: the payload names the table that changed. */
  private readonly heard = (message: pg.Notification): void => {
    if (message.channel === CHANGES_CHANNEL && message.payload) this.changed(message.payload);
  };

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.databaseUrl) {
      await this.hearOwnWrites();
      await this.listenOnServer(this.config.databaseUrl);
    } else await this.listenEmbedded();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.reconnect) clearTimeout(this.reconnect);
    this.setListening(false);
    const client = this.listener;
    this.listener = null;
    await client?.end().catch(() => undefined);
  }

  private setListening(on: boolean): void {
    // whatever was kept may have changed while nobody listened: forget it on both edges
    for (const cache of this.caches) cache.forgetAll();
    this.listeningNow = on;
  }

  private async listenOnServer(url: string): Promise<void> {
    const client = new pg.Client({ connectionString: url, application_name: LISTENER_APPLICATION_NAME, keepAlive: true });
    let gone = false;
    const lost = (why: string) => {
      if (gone) return;
      gone = true;
      if (this.listener === client) this.listener = null;
      if (this.stopping) return;
      this.losses++;
      this.setListening(false);
      this.log.warn(`listening connection lost (${why}): reading through until listening again`);
      client.end().catch(() => undefined);
      this.scheduleReconnect(url);
    };
    client.on('notification', this.heard);
    client.on('error', (error) => lost(error.message));
    client.on('end', () => lost('closed'));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (error) {
      lost((error as Error).message);
      return;
    }
    if (gone || this.stopping) return;
    this.listener = client;
    this.setListening(true);
  }

  /**
   * On a server, the listening connection hears a commit some time after the writer got its answer: a
   * read sent at once by the same client (a page listing what it just added) could still be answered
   * from memory. So every pooled connection listens too: the writer's own connection then hears its
   * notifications with its COMMIT's answer, before it goes on, as on the embedded engine. A new
   * connection listens before the pool hands it out (pg-pool's `onConnect`); those opened before
   * (TypeORM's first, the migrations') are taken from the pool while idle and made to listen here,
   * before the application serves. The dedicated connection stays the one whose loss forgets everything.
   */
  private async hearOwnWrites(): Promise<void> {
    const pool = (this.dataSource.driver as unknown as { master: pg.Pool & { options: { onConnect?: (client: pg.PoolClient) => Promise<void> } } }).master;
    const hearing = new WeakSet<pg.ClientBase>();
    const hear = async (client: pg.ClientBase) => {
      if (hearing.has(client)) return;
      hearing.add(client);
      client.on('notification', this.heard);
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    };
    pool.options.onConnect = hear;
    const idle = await Promise.all(Array.from({ length: pool.idleCount }, () => pool.connect()));
    try {
      for (const client of idle) await hear(client);
    } finally {
      for (const client of idle) client.release();
    }
  }

  private scheduleReconnect(url: string): void {
    if (this.reconnect || this.stopping) return;
    this.reconnect = setTimeout(() => {
      this.reconnect = null;
      void this.listenOnServer(url);
    }, RECONNECT_MS);
    this.reconnect.unref();
  }

  /** The embedded engine: its pooled connection (one) listens; a new one listens again before it serves. */
  private async listenEmbedded(): Promise<void> {
    const pool = (this.dataSource.driver as unknown as { master: pg.Pool }).master;
    pool.on('connect', (client) => void this.attachEmbedded(client));
    const client = await pool.connect();
    try {
      await this.attachEmbedded(client);
    } finally {
      client.release();
    }
  }

  private async attachEmbedded(client: pg.ClientBase): Promise<void> {
    if (this.embeddedClients.has(client)) return;
    this.embeddedClients.add(client);
    client.on('notification', this.heard);
    client.on('end', () => {
      if (this.stopping) return;
      this.losses++;
      this.setListening(false);
    });
    await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    this.setListening(true);
  }
}
