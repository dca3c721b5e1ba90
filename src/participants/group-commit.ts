/**
 * Group commit: requests with the same group key (registrations for the same event and parts) are
 * written together. While a batch of a group is being written, the requests that arrive queue, and
 * go together into the next batch, in arrival order; a group has at most one batch in flight in this
 * process, so first come is first written. Nothing waits for a timer: a request arriving at an idle
 * group is written at once (a batch of one), so a lone request is as fast as before.
 */
export interface GroupCommitOptions<T> {
  /** The most requests in one batch. */
  maxSize: number;
  /** Two requests that must not share a batch (the later one goes into a following batch). */
  conflicts(a: T, b: T): boolean;
  /** Writes a batch; records each request's own answer on it. A throw is a failure of the whole batch. */
  write(batch: T[]): Promise<void>;
  /** Answers a request once its batch is written (failure: the batch's error). */
  settle(request: T, failure: unknown): void;
}

export class GroupCommit<T> {
  private readonly queues = new Map<string, T[]>();
  private batches = 0;
  private requests = 0;
  private largest = 0;

  constructor(private readonly options: GroupCommitOptions<T>) {}

  add(group: string, request: T): void {
    const queue = this.queues.get(group);
    if (queue) {
      queue.push(request);
      return;
    }
    this.queues.set(group, [request]);
    void this.drain(group);
  }

  /** Batches written, requests in them, the largest batch, and the requests queued now (not yet in a batch). */
  stats(): { batches: number; requests: number; largest: number; queued: number } {
    let queued = 0;
    for (const queue of this.queues.values()) queued += queue.length;
    return { batches: this.batches, requests: this.requests, largest: this.largest, queued };
  }

  /** Writes the group's batches one after the other until its queue is empty. */
  private async drain(group: string): Promise<void> {
    const queue = this.queues.get(group)!;
    while (queue.length) {
      const batch = this.take(queue);
      this.batches += 1;
      this.requests += batch.length;
      this.largest = Math.max(this.largest, batch.length);
      let failure: unknown = undefined;
      try {
        await this.options.write(batch);
      } catch (error) {
        failure = error ?? new Error('registration batch failed');
      }
      for (const request of batch) {
        try {
          this.options.settle(request, failure);
        } catch {
          // an answer that cannot be given must not stop the others
        }
      }
    }
    this.queues.delete(group);
  }

  /** The next batch: the head of the queue, in order, up to maxSize, leaving in place the requests that conflict with one taken. */
  private take(queue: T[]): T[] {
    const batch: T[] = [];
    const left: T[] = [];
    for (const request of queue) {
      if (batch.length < this.options.maxSize && !batch.some((b) => this.options.conflicts(b, request))) batch.push(request);
      else left.push(request);
    }
    queue.splice(0, queue.length, ...left);
    return batch;
  }
}
