import { Module } from '@nestjs/common';
import { BareController } from './bare.controller.js';

/** Added next to AppModule only when the benchmark boots the application. */
@Module({ controllers: [BareController] })
export class BenchModule {}
