import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../src/common/auth/access.js';

/**
 * The baselines the event route is measured against, served by the same Nest application (same
 * global guard, pipes, filter, request-id and pino middleware) and the same TypeORM DataSource.
 */
@ApiExcludeController()
@Controller('bench')
export class BareController {
  constructor(private readonly dataSource: DataSource) {}

  /** One database round trip, nothing else: `SELECT 1` through the application's pool. */
  @Public()
  @Get('bare')
  async bare(): Promise<{ ok: number }> {
    const rows = (await this.dataSource.query('SELECT 1 AS ok')) as Array<{ ok: number }>;
    return { ok: rows[0].ok };
  }

  /** No database at all: what the HTTP stack alone costs. */
  @Public()
  @Get('constant')
  constant(): { ok: number } {
    return { ok: 1 };
  }
}
