import type { AppConfig } from '../../config/app-config.js';
import { backupEmbedded, restoreEmbedded } from './embedded-backup.js';
import { backupServer, restoreServer } from './server-backup.js';

/** `npm run cli -- backup FILE`: the database in use (DATABASE_URL, else the embedded one in DATA_DIR) into FILE. */
export function backupDatabase(config: AppConfig, file: string): Promise<string> {
  return config.databaseUrl ? backupServer(config.databaseUrl, file) : backupEmbedded(config.dataDir, file);
}

/** `npm run cli -- restore FILE [--force]`: FILE into the database in use, only over an empty one unless forced. */
export function restoreDatabase(config: AppConfig, file: string, force: boolean): Promise<string> {
  return config.databaseUrl ? restoreServer(config.databaseUrl, file, force) : restoreEmbedded(config.dataDir, file, force);
}
