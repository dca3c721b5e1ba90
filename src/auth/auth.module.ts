import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '../mail/mail.module.js';
import { UsersModule } from '../users/users.module.js';
import { AuthToken } from './auth-token.entity.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { LoginFailure } from './login-failure.entity.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasswordResetController } from './password-reset/password-reset.controller.js';
import { PasswordResetRequest } from './password-reset/password-reset-request.entity.js';
import { PasswordResetToken } from './password-reset/password-reset-token.entity.js';
import { PasswordResetService } from './password-reset/password-reset.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([AuthToken, LoginFailure, PasswordResetToken, PasswordResetRequest]), UsersModule, MailModule],
  controllers: [AuthController, PasswordResetController],
  providers: [AuthService, LoginThrottleService, PasswordResetService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService],
})
export class AuthModule {}
