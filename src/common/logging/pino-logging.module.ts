import { Inject, Injectable, type DynamicModule, type LoggerService, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import { pinoHttp, type Options as PinoHttpOptions } from 'pino-http';
import pinoPretty from 'pino-pretty';
import { levelForNestMessage, type LogFormat, type LogLevel } from './log-format.js';

const PINO = Symbol('PINO');

/**
 * Nest's logger written through pino: one line per message (JSON, or readable in a terminal), with
 * the Nest context as `context`; Nest's start-up chatter (a line per route) at debug level. (A few lines instead of nestjs-pino, whose releases that support NestJS 12 all require
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

  private write(asked: LogLevel, message: unknown, params: unknown[]): void {
    const rest = [...params];
    // Nest passes the context last; error() may pass a stack before it.
    const context = rest.length && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const level = levelForNestMessage(asked, context);
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

  static forRoot(options: PinoHttpOptions & { level: string; format: LogFormat }): DynamicModule {
    const { level, format, ...httpOptions } = options;
    const logger = pino({ level, redact: httpOptions.redact }, format === 'pretty' ? prettyStream() : undefined);
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

/**
 * Readable lines for a terminal: time, level, `[context]` and the message; a request as
 * `GET /api/events 200 12 ms`; errors with their stack. Written synchronously, as pino's JSON is.
 */
function prettyStream(): DestinationStream {
  return pinoPretty({
    sync: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,context,req,res,responseTime',
    messageFormat: (log, messageKey) => {
      const req = log.req as { method?: string; path?: string } | undefined;
      const res = log.res as { statusCode?: number } | undefined;
      const context = typeof log.context === 'string' ? `[${log.context}] ` : '';
      const message = String(log[messageKey] ?? '');
      if (req?.method && res?.statusCode !== undefined) {
        const took = typeof log.responseTime === 'number' ? ` ${log.responseTime} ms` : '';
        return `${req.method} ${req.path ?? ''} ${res.statusCode}${took}${message === 'request completed' ? '' : ` (${message})`}`;
      }
      return `${context}${message}`;
    },
  });
}
