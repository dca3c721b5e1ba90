import type { Server } from 'node:http';

/** How long an idle keep-alive connection stays open on the server's side. */
export const KEEP_ALIVE_MS = 65_000;

/**
 * A client (a browser, Node's fetch, a reverse proxy such as nginx with its 60 s upstream default) must be
 * the one that closes an idle keep-alive connection: when the server closes first (Node's default is 5 s),
 * a request written on that connection at the same moment is met by a reset (ECONNRESET) and lost to the
 * client, although the server never saw it. The headers' timeout stays above the keep-alive one, as Node asks.
 */
export function keepConnectionsLongerThanClients(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
}

/**
 * On stopping: idle connections are closed now, and each one still answering is closed as soon as its
 * answer is sent, so that a client keeping its connection open does not hold the stop up for
 * KEEP_ALIVE_MS (requests in flight still finish).
 */
export function closeConnectionsAsTheyFallIdle(server: Server): void {
  server.keepAliveTimeout = 1;
  server.closeIdleConnections();
}
