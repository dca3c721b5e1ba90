import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { AppliedSeed } from './applied-seed.entity.js';

/**
 * Loads each seed item at most once, ever. The key is claimed first (INSERT … ON CONFLICT DO
 * NOTHING), so two instances starting together cannot both load it; it stays claimed afterwards,
 * so an item an organiser has edited or deleted is never written again.
 */
@Injectable()
export class SeedLedger {
  private readonly logger = new Logger('Seed');

  constructor(@InjectRepository(AppliedSeed) private readonly applied: Repository<AppliedSeed>) {}

  /**
   * Runs `load` if `key` was never loaded and returns the id it created; otherwise returns the id
   * recorded when it was. A DomainError from `load` (for example, something it refers to was
   * deleted by an organiser) skips the item for good; any other error releases the key and throws.
   */
  async once(key: string, load: () => Promise<string>): Promise<string | null> {
    const claimed: unknown[] = await this.applied.query(
      `INSERT INTO applied_seeds (key) VALUES ($1) ON CONFLICT (key) DO NOTHING RETURNING key`,
      [key],
    );
    if (claimed.length === 0) {
      const existing = await this.applied.findOneBy({ key });
      return existing?.entityId ?? null;
    }
    try {
      const id = await load();
      await this.applied.update({ key }, { entityId: id });
      return id;
    } catch (error) {
      if (error instanceof DomainError) {
        this.logger.warn(`seed item ${key} skipped: ${error.message}`);
        return null;
      }
      await this.applied.delete({ key });
      throw error;
    }
  }

  /** The id recorded for an item loaded earlier, or null. */
  async idOf(key: string): Promise<string | null> {
    return (await this.applied.findOneBy({ key }))?.entityId ?? null;
  }
}
