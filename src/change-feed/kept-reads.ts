/**
 * What one cache needs from the change feed: whether it may keep anything now, and a way to be told
 * to forget. Kept small so that the cache itself is a plain class (tested without a database).
 */
export interface KeepPermission {
  /** True while the instance is listening: only then may an answer read from the database be kept. */
  readonly listening: boolean;
}

/**
 * Answers read from the database, kept in memory until a change of one of `tables` is notified (or
 * the listening connection is lost). A read started before a change is never kept: each cache has a
 * generation, raised by every change it hears of, and an answer is kept only if the generation did
 * not move while it was read. Concurrent misses of one key share one read.
 */
export class KeptReads<K, V> {
  private readonly entries = new Map<K, V>();
  private readonly loading = new Map<K, { generation: number; read: Promise<V> }>();
  private generation = 0;

  constructor(
    readonly name: string,
    readonly tables: readonly string[],
    private readonly permission: KeepPermission,
    private readonly maxEntries = 10_000,
  ) {}

  /**
   * The kept answer for `key`, else `load()`'s, kept when nothing changed meanwhile, the instance
   * listens, and `keepIf` agrees (an answer that a mere INSERT could change, such as « no such
   * token », must not be kept where the tables notify only updates and deletes).
   */
  get(key: K, load: () => Promise<V>, keepIf: (value: V) => boolean = () => true): Promise<V> {
    if (this.entries.has(key)) return Promise.resolve(this.entries.get(key) as V);
    if (!this.permission.listening) return load();
    const pending = this.loading.get(key);
    if (pending && pending.generation === this.generation) return pending.read;
    const generation = this.generation;
    const read = load();
    this.loading.set(key, { generation, read });
    read.then(
      (value) => {
        if (this.loading.get(key)?.read === read) this.loading.delete(key);
        if (generation === this.generation && this.permission.listening && keepIf(value)) this.keep(key, value);
      },
      () => {
        if (this.loading.get(key)?.read === read) this.loading.delete(key);
      },
    );
    return read;
  }

  /** The kept answer, without reading (undefined when none). */
  peek(key: K): V | undefined {
    return this.entries.get(key);
  }

  /** Forgets everything and refuses to keep what is being read (a change was notified, or listening stopped). */
  forgetAll(): void {
    this.generation++;
    this.entries.clear();
    this.loading.clear();
  }

  /** Forgets one key (this instance's own write, before the notification comes back). */
  forget(key: K): void {
    this.generation++;
    this.entries.delete(key);
    this.loading.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private keep(key: K, value: V): void {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, value);
  }
}
