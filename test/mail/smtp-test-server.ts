import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export interface ReceivedMail {
  /** The message as it arrived on the wire. */
  raw: Buffer;
  parsed: ParsedMail;
  /** RCPT TO of the SMTP envelope. */
  recipients: string[];
}

/**
 * A real SMTP server on 127.0.0.1 (smtp-server, no TLS, no auth) that keeps what it receives.
 * `refuse(reason)` makes it answer 550 to every recipient until `refuse(null)`; `delayMs` holds
 * each message that long before accepting it.
 */
export interface TestSmtpServer {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** Messages whose DATA has started (including those still being held by delayMs). */
  started: number;
  delayMs: number;
  refuse(reason: string | null): void;
  /** Stops listening (connections are then refused) / listens again on the same port. */
  stop(): Promise<void>;
  restart(): Promise<void>;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  let refusal: string | null = null;
  const state: TestSmtpServer = {
    port: 0,
    url: '',
    received: [],
    started: 0,
    delayMs: 0,
    refuse(reason) {
      refusal = reason;
    },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (state.received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} message(s), got ${state.received.length} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return state.received;
    },
    stop: async () => undefined,
    restart: async () => undefined,
    close: async () => undefined,
  };
  const create = () => new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address: SMTPServerAddress, _session, callback) {
      if (!refusal) return callback();
      const error = Object.assign(new Error(refusal), { responseCode: 550 });
      return callback(error);
    },
    onData(stream, session, callback) {
      state.started++;
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const recipients = session.envelope.rcptTo.map((r) => r.address);
        void (async () => {
          if (state.delayMs > 0) await new Promise((r) => setTimeout(r, state.delayMs));
          const parsed = await simpleParser(raw);
          state.received.push({ raw, parsed, recipients });
          callback();
        })().catch((error: Error) => callback(error));
      });
    },
  });
  const listen = (server: SMTPServer, port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
  let server: SMTPServer | null = create();
  await listen(server, 0);
  state.port = (server.server.address() as AddressInfo).port;
  state.url = `smtp://127.0.0.1:${state.port}`;
  state.stop = async () => {
    const running = server;
    server = null;
    if (running) await new Promise<void>((resolve) => running.close(() => resolve()));
  };
  state.restart = async () => {
    await state.stop();
    server = create();
    await listen(server, state.port);
  };
  state.close = state.stop;
  return state;
}

/** The header block of a raw message (up to the first blank line). */
export function headerBlock(raw: Buffer): string {
  const text = raw.toString('latin1');
  return text.slice(0, text.indexOf('\r\n\r\n'));
}
