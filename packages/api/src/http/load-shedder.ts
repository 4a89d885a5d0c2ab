/**
 * Admission control for one task: at most `maxInFlight` requests are worked on at once, and a
 * request beyond that waits in a short queue only while it can still be served in time. Past
 * that point the task says so at once (503 with Retry-After, by the caller) instead of taking
 * everything in: a burst that would otherwise hold a gigabyte of half-done requests and answer
 * each after minutes gets fast answers for what fits and fast refusals for the rest, and the
 * client's back-off spreads the rest over the following seconds.
 *
 * A newcomer is turned away on arrival when its predicted wait is over `maxQueueMs`: the waiters
 * ahead of it, each needing a slot, and slots freeing at `maxInFlight / average time in a slot`.
 * The average is measured (an exponentially weighted mean of finished requests); until one has
 * finished, a request is assumed to hold its slot for the whole budget, which admits one slot's
 * worth of waiters per slot. The prediction can be wrong (a burst of slow requests), so every
 * waiter also has a deadline: at `maxQueueMs` it is turned away rather than served late, and the
 * estimate falls back to the cautious prior, so the next ones are turned away on arrival. A hard
 * cap on the queue's length bounds memory whatever the estimate says.
 */
export interface LoadShedderOptions {
  readonly maxInFlight: number;
  readonly maxQueueMs: number;
  /** Milliseconds, monotonic; tests may pass their own. */
  readonly now?: () => number;
}

/** The outcome of asking for a slot: `release` gives it back (safe to call twice). */
export type Admission =
  | { readonly admitted: true; readonly release: () => void }
  | { readonly admitted: false; readonly retryAfterSeconds: number };

interface Waiter {
  readonly resolve: (admission: Admission) => void;
  readonly timer: NodeJS.Timeout;
}

/** How much one finished request moves the average: recent requests matter, one outlier does not. */
const SMOOTHING = 0.2;
/** The queue never holds more than this many waiters per slot, whatever the estimate. */
const QUEUE_PER_SLOT = 16;

export class LoadShedder {
  private inFlight = 0;
  private readonly queue: Waiter[] = [];
  private averageMs: number | undefined;
  private readonly now: () => number;

  constructor(private readonly options: LoadShedderOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  get running(): number {
    return this.inFlight;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /** A slot now, a slot after a short wait, or a refusal; never a wait longer than `maxQueueMs`. */
  admit(): Admission | Promise<Admission> {
    if (this.inFlight < this.options.maxInFlight && this.queue.length === 0) {
      this.inFlight++;
      return { admitted: true, release: this.releaser() };
    }
    const position = this.queue.length + 1;
    if (
      position > this.options.maxInFlight * QUEUE_PER_SLOT ||
      this.predictedWaitMs(position) > this.options.maxQueueMs
    )
      return this.shed();
    return new Promise<Admission>((resolve) => {
      const waiter: Waiter = {
        resolve,
        timer: setTimeout(() => {
          const index = this.queue.indexOf(waiter);
          if (index >= 0) this.queue.splice(index, 1);
          // A missed deadline means the pace it was admitted on did not hold (slower requests than
          // the ones measured): fall back to the cautious prior until finished requests say otherwise.
          this.averageMs = Math.max(this.averageMs ?? 0, this.options.maxQueueMs);
          resolve(this.shed());
        }, this.options.maxQueueMs),
      };
      this.queue.push(waiter);
    });
  }

  private predictedWaitMs(position: number): number {
    const perRequest = this.averageMs ?? this.options.maxQueueMs;
    return (position * perRequest) / this.options.maxInFlight;
  }

  /**
   * Retry-After: the queue a newcomer was turned away from is empty again within `maxQueueMs`
   * (each waiter is served or turned away by then), so a second or so is the honest answer,
   * whatever the estimate says (an estimate of tens of seconds made clients give up early). The
   * client's own jitter, not this number, spreads a shed crowd out.
   */
  private shed(): Admission {
    return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(this.options.maxQueueMs / 1000)) };
  }

  private releaser(): () => void {
    const started = this.now();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const took = this.now() - started;
      this.averageMs = this.averageMs === undefined ? took : this.averageMs + SMOOTHING * (took - this.averageMs);
      const next = this.queue.shift();
      if (next) {
        // The slot passes straight to the oldest waiter: the count in flight stays the same.
        clearTimeout(next.timer);
        next.resolve({ admitted: true, release: this.releaser() });
      } else {
        this.inFlight--;
      }
    };
  }
}
