/**
 * The time "now" for rules that depend on it (today's day at the reception desk, the palmarès
 * embargo). Injected with `@Inject(CLOCK)`, provided globally by ConfigModule. In the running
 * application it is the system clock; tests set it (`app.get(CLOCK).set(instant)`) to stand on
 * 6 February 2012 without waiting for it.
 */
export const CLOCK = Symbol('CLOCK');

export interface Clock {
  now(): Date;
}

/** The system clock, unless `set` fixed an instant (tests); `set(null)` goes back to the system clock. */
export class SettableClock implements Clock {
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed.getTime()) : new Date();
  }

  set(instant: Date | null): void {
    this.fixed = instant ? new Date(instant.getTime()) : null;
  }
}
