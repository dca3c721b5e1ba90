import { Global, Module } from '@nestjs/common';
import { ChangeFeedService } from './change-feed.service.js';

/** The change notifications every capability that keeps reads in memory listens to (one per instance). */
@Global()
@Module({ providers: [ChangeFeedService], exports: [ChangeFeedService] })
export class ChangeFeedModule {}
