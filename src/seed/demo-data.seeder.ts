import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UsersService } from '../users/users.service.js';
import { AppliedSeed } from './applied-seed.entity.js';

/**
 * A small, clearly fictitious data set for trying the back-office (`npm run seed:demo`).
 * Every name says « démo »; nothing here is a fact of 2012. Loaded once per item, like the reference data.
 */
@Injectable()
export class DemoDataSeeder {
  constructor(
    @InjectRepository(AppliedSeed) private readonly applied: Repository<AppliedSeed>,
    private readonly users: UsersService,
  ) {}

  /** Loads what is not loaded yet; returns one line per item loaded. */
  async seed(): Promise<string[]> {
    const report: string[] = [];
    await this.once('demo:reception-account', async () => {
      await this.users.createAccount({
        email: 'accueil.demo@example.org',
        password: 'accueil-demo-2012',
        displayName: 'Accueil (démo)',
        roles: ['reception'],
      });
      report.push('reception account accueil.demo@example.org / accueil-demo-2012');
    });
    return report;
  }

  private async once(key: string, load: () => Promise<void>): Promise<void> {
    if (await this.applied.existsBy({ key })) return;
    await load();
    await this.applied.insert({ key });
  }
}
