import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../src/common/auth/access.js';
import { RegistrationCreateDto } from '../src/participants/dto/registration-create.dto.js';

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

  /**
   * The registrations' baseline (bench/registrations.ts): the same JSON body as
   * `POST /api/events/:eventId/registrations`, validated by the same DTO and pipe, then one plain
   * single-row INSERT into a scratch table the bench creates in its throwaway database.
   */
  @Public()
  @Post('insert')
  @HttpCode(201)
  async insert(@Body() dto: RegistrationCreateDto): Promise<{ id: string }> {
    const rows = (await this.dataSource.query(`INSERT INTO bench_inserts (email, first_name, last_name) VALUES ($1, $2, $3) RETURNING id`, [
      dto.email.trim().toLowerCase(),
      dto.firstName,
      dto.lastName,
    ])) as Array<{ id: string }>;
    return { id: rows[0].id };
  }
}
