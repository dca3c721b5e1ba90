import { ConfigError, loadConfig } from '../../src/config/app-config.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * TRUST_PROXY: whose X-Forwarded-For gives the client's address (the login limits count failures
 * per address). Behind a proxy on another host, naming it makes the limits see the real clients;
 * by default only a proxy on this host (loopback) is believed, and no setting believes everyone.
 */
describe('TRUST_PROXY', () => {
  it('reads addresses, subnets, names, a number of hops or false, and refuses « everyone » and nonsense', () => {
    expect(loadConfig({}).trustProxy).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5' }).trustProxy).toBe('10.0.0.5');
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8' }).trustProxy).toBe('loopback,10.0.0.0/8,fd00::/8');
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    for (const bad of ['true', 'proxy.example.org', '10.0.0.0/33', '10.0.0.1/8/1', '11']) {
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(ConfigError);
    }
  });

  /** The address a failed login is counted against, when the request says it was forwarded for 203.0.113.9. */
  async function countedAddress(trustProxy: string | undefined): Promise<string> {
    const t: TestApp = await startTestApp({ SEED_REFERENCE_DATA: 'false', OUTBOX_POLL_MS: '0', ...(trustProxy === undefined ? {} : { TRUST_PROXY: trustProxy }) });
    try {
      const res = await t.http.post('/api/auth/login').set('X-Forwarded-For', '203.0.113.9').send({ email: 'nobody@example.org', password: 'wrong-password-123' });
      expect(res.status).toBe(401);
      const rows: { address: string }[] = await t.booted.dataSource.query(`SELECT address FROM login_failures`);
      expect(rows).toHaveLength(1);
      return rows[0].address;
    } finally {
      await t.close();
    }
  }

  it('believes X-Forwarded-For from a trusted proxy only (the test client stands on loopback)', async () => {
    expect(await countedAddress(undefined)).toBe('203.0.113.9');
    // a proxy on another network named: the loopback client is not it, so its header is not believed
    expect(await countedAddress('10.0.0.0/8')).toMatch(/127\.0\.0\.1|::1/);
  }, 180_000);
});
