import { DynamicModule, Global, Module } from '@nestjs/common';
import { CLOCK, SettableClock } from '../common/time/clock.js';
import { AppConfig } from './app-config.js';

/** Injection token of the AppConfig object. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** Makes the configuration (`@Inject(APP_CONFIG)`) and the clock (`@Inject(CLOCK)`) injectable everywhere. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: new SettableClock() },
      ],
      exports: [APP_CONFIG, CLOCK],
    };
  }
}
