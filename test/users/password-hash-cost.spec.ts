import { ConfigError, loadConfig } from '../../src/config/app-config.js';
import { decoyHash, hashPassword, verifyPassword } from '../../src/users/password.js';

describe('PASSWORD_HASH_COST (scrypt N = 2^cost)', () => {
  it('is 14 by default (N = 16,384), up to 17, and below 14 only under NODE_ENV=test', () => {
    expect(loadConfig({}).passwordHashCost).toBe(14);
    expect(loadConfig({ PASSWORD_HASH_COST: '16' }).passwordHashCost).toBe(16);
    expect(() => loadConfig({ PASSWORD_HASH_COST: '10' })).toThrow(ConfigError);
    expect(() => loadConfig({ PASSWORD_HASH_COST: '10' })).toThrow(/PASSWORD_HASH_COST must be between 14 and 17, got 10/);
    expect(() => loadConfig({ PASSWORD_HASH_COST: '18' })).toThrow(/between 14 and 17/);
    expect(() => loadConfig({ PASSWORD_HASH_COST: 'high' })).toThrow(/whole number/);
    expect(loadConfig({ NODE_ENV: 'test', PASSWORD_HASH_COST: '10' }).passwordHashCost).toBe(10);
    expect(() => loadConfig({ NODE_ENV: 'test', PASSWORD_HASH_COST: '9' })).toThrow(/between 10 and 17/);
  });

  it('records N in the hash, so a hash made at one cost is checked at that cost whatever the setting is now', async () => {
    const strong = await hashPassword('correct horse battery', 14);
    const light = await hashPassword('correct horse battery', 10);
    expect(strong).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(light).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(strong.split('$')[5]).not.toBe(light.split('$')[5]);
    for (const stored of [strong, light]) {
      expect(await verifyPassword('correct horse battery', stored)).toBe(true);
      expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    }
  });

  it('checks an unknown email against a decoy made at the configured cost', async () => {
    expect(await decoyHash(10)).toMatch(/^scrypt\$1024\$/);
    expect(await decoyHash(14)).toMatch(/^scrypt\$16384\$/);
    expect(await decoyHash(14)).toBe(await decoyHash(14));
  });
});
