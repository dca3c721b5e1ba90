import { Inject, Injectable, type DynamicModule, type LoggerService, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { pino, type Logger as PinoLogger } from 'pino';
import { pinoHttp, type Options as PinoHttpOptions } from 'pino-http';

const PINO = Symbol('PINO');

/**
 * Nest's logger written through pino: one JSON line per message, with the Nest context as
 * `context`. (A few lines instead of nestjs-pino, whose releases that support NestJS 12 all require
 * Node ≥ 22.12 while this project runs on Node 20.)
 */
@Injectable()
export class PinoNestLogger implements LoggerService {
  constructor(@Inject(PINO) private readonly logger: PinoLogger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, params: unknown[]): void {
    const rest = [...params];
    // Nest passes the context last; error() may pass a stack before it.
    const context = rest.length && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const stack = level === 'error' && rest.length && typeof rest[0] === 'string' ? (rest.shift() as string) : undefined;
    if (message instanceof Error) {
      this.logger[level]({ context, err: message }, message.message);
    } else if (message !== null && typeof message === 'object') {
      this.logger[level]({ context, ...(message as Record<string, unknown>) });
    } else {
      this.logger[level]({ context, ...(stack ? { stack } : {}) }, String(message));
    }
  }
}

/** pino for the application and pino-http for every request (request id, status, duration). */
@Module({})
export class PinoLoggingModule implements NestModule {
  constructor(@Inject(PINO) private readonly logger: PinoLogger, @Inject('PINO_HTTP_OPTIONS') private readonly httpOptions: PinoHttpOptions) {}

  static forRoot(options: PinoHttpOptions & { level: string }): DynamicModule {
    const { level, ...httpOptions } = options;
    const logger = pino({ level, redact: httpOptions.redact });
    return {
      module: PinoLoggingModule,
      global: true,
      providers: [{ provide: PINO, useValue: logger }, { provide: 'PINO_HTTP_OPTIONS', useValue: httpOptions }, PinoNestLogger],
      exports: [PinoNestLogger],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(pinoHttp({ ...this.httpOptions, logger: this.logger })).forRoutes('{*path}');
  }
}
