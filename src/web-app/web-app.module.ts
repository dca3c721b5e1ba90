import { Module } from '@nestjs/common';
import { WebAppController } from './web-app.controller.js';

/** Serves the web app's built files at /app/ (see web/ and docs/web.md). */
@Module({ controllers: [WebAppController] })
export class WebAppModule {}
