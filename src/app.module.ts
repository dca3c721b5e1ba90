import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from './auth/auth.module.js';
import { BadgesModule } from './badges/badges.module.js';
import { ChangeFeedModule } from './change-feed/change-feed.module.js';
import { CfpModule } from './cfp/cfp.module.js';
import { CheckInsModule } from './check-ins/check-ins.module.js';
import { loggablePath, requestIdFor } from './common/http/request-id.js';
import { chooseLogFormat } from './common/logging/log-format.js';
import { PinoLoggingModule } from './common/logging/pino-logging.module.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { dataSourceOptions, type DatabaseTarget } from './database/data-source-options.js';
import { DeskModule } from './desk/desk.module.js';
import { WebAppModule } from './web-app/web-app.module.js';
import { EventsModule } from './events/events.module.js';
import { HealthModule } from './health/health.module.js';
import { LabelCeremonyModule } from './labels/ceremony/label-ceremony.module.js';
import { LabelsModule } from './labels/labels.module.js';
import { MailModule } from './mail/mail.module.js';
import { OrganisationsModule } from './organisations/organisations.module.js';
import { ParticipantsModule } from './participants/participants.module.js';
import { ProgrammeExportsModule } from './programme-exports/programme-exports.module.js';
import { ProgrammePagesModule } from './programme-pages/programme-pages.module.js';
import { RegistrationsModule } from './participants/registrations.module.js';
import { ProgrammeModule } from './programme/programme.module.js';
import { ProgrammePublicationModule } from './programme/publication/programme-publication.module.js';
import { SeedModule } from './seed/seed.module.js';
import { SpeakersModule } from './speakers/speakers.module.js';
import { SubmissionReviewModule } from './submissions/review/submission-review.module.js';
import { SubmissionsModule } from './submissions/submissions.module.js';
import { UsersModule } from './users/users.module.js';
import { VenuesModule } from './venues/venues.module.js';

/** The whole application, wired for one configuration and one database. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: DatabaseTarget): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        PinoLoggingModule.forRoot({
          level: config.logLevel,
          format: chooseLogFormat(config.logFormat, process.stdout.isTTY === true),
          genReqId: requestIdFor,
          redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.accessToken', '*.token'], censor: '[redacted]' },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: loggablePath(req.url) }),
          },
          customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
        }),
        TypeOrmModule.forRoot(dataSourceOptions(database)),
        ChangeFeedModule,
        HealthModule,
        MailModule,
        UsersModule,
        AuthModule,
        VenuesModule,
        EventsModule,
        OrganisationsModule,
        SpeakersModule,
        CfpModule,
        SubmissionsModule,
        SubmissionReviewModule,
        ProgrammeModule,
        ProgrammePublicationModule,
        ProgrammeExportsModule,
        ProgrammePagesModule,
        ParticipantsModule,
        RegistrationsModule,
        BadgesModule,
        CheckInsModule,
        DeskModule,
        WebAppModule,
        LabelsModule,
        LabelCeremonyModule,
        SeedModule,
      ],
    };
  }
}
