/**
 * Coalesces concurrent reads of the same key without ever answering from a read that began before
 * the request: while a read of `key` runs, callers wait for the *next* read, which starts when the
 * running one ends and is shared by everyone who arrived meanwhile. Each answer therefore reflects
 * the database as it was after the caller arrived (a publication committed before a request comes
 * in, on any instance, is always seen), while a burst of N requests costs about two reads, not N.
 */
export class FreshReads<V> {
  private readonly running = new Map<string, Promise<V>>();
  private readonly queued = new Map<string, Promise<V>>();

  read(key: string, load: () => Promise<V>): Promise<V> {
    const queued = this.queued.get(key);
    if (queued) return queued;
    const running = this.running.get(key);
    if (!running) return this.start(key, load);
    const next = running.then(
      () => this.afterRunning(key, load),
      () => this.afterRunning(key, load),
    );
    this.queued.set(key, next);
    return next;
  }

  /** How many keys have a read running or waiting (for tests). */
  get pending(): number {
    return new Set([...this.running.keys(), ...this.queued.keys()]).size;
  }

  private afterRunning(key: string, load: () => Promise<V>): Promise<V> {
    this.queued.delete(key);
    return this.start(key, load);
  }

  private start(key: string, load: () => Promise<V>): Promise<V> {
    const read = load();
    this.running.set(key, read);
    const done = () => {
      if (this.running.get(key) === read) this.running.delete(key);
    };
    read.then(done, done);
    return read;
  }
}
