import { FreshReads } from '../../src/programme-pages/fresh-reads.js';

/** A read whose end the test decides, numbered in the order the reads started. */
function controlledReads() {
  const started: Array<{ n: number; finish: (value: string) => void; fail: (error: Error) => void }> = [];
  const load = () =>
    new Promise<string>((resolve, reject) => {
      const n = started.length + 1;
      started.push({ n, finish: resolve, fail: reject });
    });
  return { started, load };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('FreshReads: concurrent reads coalesced, never answered from a read begun before the caller', () => {
  it('gives a caller who arrives during a read the next read, shared with everyone who arrived meanwhile', async () => {
    const reads = new FreshReads<string>();
    const { started, load } = controlledReads();
    const first = reads.read('vtn2012', load);
    expect(started).toHaveLength(1);
    // three callers arrive while read 1 runs: none of them may get read 1's answer
    const later = [reads.read('vtn2012', load), reads.read('vtn2012', load), reads.read('vtn2012', load)];
    expect(started).toHaveLength(1);
    started[0].finish('version 1');
    await expect(first).resolves.toBe('version 1');
    await tick();
    expect(started).toHaveLength(2);
    started[1].finish('version 2');
    await expect(Promise.all(later)).resolves.toEqual(['version 2', 'version 2', 'version 2']);
    await tick();
    expect(reads.pending).toBe(0);
  });

  it('starts a new read for a caller who arrives after the reads ended, and keeps keys apart', async () => {
    const reads = new FreshReads<string>();
    const { started, load } = controlledReads();
    const a = reads.read('vtn2012', load);
    const b = reads.read('label2012', load);
    expect(started).toHaveLength(2);
    started[0].finish('a1');
    started[1].finish('b1');
    await expect(a).resolves.toBe('a1');
    await expect(b).resolves.toBe('b1');
    await tick();
    const again = reads.read('vtn2012', load);
    expect(started).toHaveLength(3);
    started[2].finish('a2');
    await expect(again).resolves.toBe('a2');
  });

  it('a failed read fails its callers only; the callers waiting for the next read still get one', async () => {
    const reads = new FreshReads<string>();
    const { started, load } = controlledReads();
    const first = reads.read('vtn2012', load);
    const waiting = reads.read('vtn2012', load);
    started[0].fail(new Error('connection lost'));
    await expect(first).rejects.toThrow('connection lost');
    await tick();
    expect(started).toHaveLength(2);
    started[1].finish('version 1');
    await expect(waiting).resolves.toBe('version 1');
  });
});
