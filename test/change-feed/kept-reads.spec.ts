import { KeptReads } from '../../src/change-feed/kept-reads.js';

/** The cache's rules on plain data: nothing kept while not listening, nor from a read a change overtook. */
describe('KeptReads', () => {
  const deferred = <V>() => {
    let resolve!: (v: V) => void;
    const promise = new Promise<V>((r) => (resolve = r));
    return { promise, resolve };
  };

  it('keeps an answer while listening and reads again once forgotten', async () => {
    const permission = { listening: true };
    const cache = new KeptReads<string, number>('test', ['events'], permission);
    let reads = 0;
    const load = async () => ++reads;
    expect(await cache.get('k', load)).toBe(1);
    expect(await cache.get('k', load)).toBe(1);
    cache.forgetAll();
    expect(await cache.get('k', load)).toBe(2);
    expect(reads).toBe(2);
  });

  it('keeps nothing while not listening', async () => {
    const permission = { listening: false };
    const cache = new KeptReads<string, number>('test', ['events'], permission);
    let reads = 0;
    await cache.get('k', async () => ++reads);
    await cache.get('k', async () => ++reads);
    expect(reads).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('does not keep a read that a change overtook, nor one that ended after listening stopped', async () => {
    const permission = { listening: true };
    const cache = new KeptReads<string, string>('test', ['events'], permission);
    const slow = deferred<string>();
    const read = cache.get('k', () => slow.promise);
    cache.forgetAll(); // a change committed while the read ran: its answer may be the old state
    slow.resolve('old');
    expect(await read).toBe('old');
    expect(cache.peek('k')).toBeUndefined();

    const late = deferred<string>();
    const second = cache.get('k', () => late.promise);
    permission.listening = false;
    late.resolve('maybe stale');
    await second;
    expect(cache.peek('k')).toBeUndefined();
  });

  it('shares one read among concurrent misses, and keeps only what keepIf allows', async () => {
    const cache = new KeptReads<string, string | null>('test', ['auth_tokens'], { listening: true });
    const slow = deferred<string | null>();
    let reads = 0;
    const load = () => {
      reads++;
      return slow.promise;
    };
    const both = Promise.all([cache.get('a', load), cache.get('a', load)]);
    slow.resolve('x');
    expect(await both).toEqual(['x', 'x']);
    expect(reads).toBe(1);
    expect(await cache.get('b', async () => null, (v) => v !== null)).toBeNull();
    expect(cache.peek('b')).toBeUndefined();
  });
});
