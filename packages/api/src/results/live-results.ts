import { buildResultsSnapshot, type Clock, type Election, type ResultsSnapshot, type TallyStore } from "@landslide/vote-engine";

type Listener = (snapshot: ResultsSnapshot) => void;

interface Watch {
  readonly listeners: Set<Listener>;
  latest: ResultsSnapshot | undefined;
  timer: NodeJS.Timeout | undefined;
}

/**
 * One reader of the counters per election per process, however many people watch: subscribers
 * share its snapshots. It stops reading when the last one leaves. This is what lets a results
 * task hold thousands of SSE connections while DynamoDB sees a few reads per second.
 */
export class LiveResults {
  private readonly watches = new Map<string, Watch>();

  constructor(
    private readonly tallies: TallyStore,
    private readonly clock: Clock,
    private readonly intervalMs = 300,
  ) {}

  /** Calls `listener` with the current snapshot and every newer one; returns the unsubscribe. */
  subscribe(election: Election, listener: Listener): () => void {
    let watch = this.watches.get(election.id);
    if (!watch) {
      watch = { listeners: new Set(), latest: undefined, timer: undefined };
      this.watches.set(election.id, watch);
      this.poll(election, watch);
    } else if (watch.latest) {
      listener(watch.latest);
    }
    watch.listeners.add(listener);
    return () => {
      watch.listeners.delete(listener);
      if (watch.listeners.size === 0) {
        clearTimeout(watch.timer);
        this.watches.delete(election.id);
      }
    };
  }

  private poll(election: Election, watch: Watch): void {
    const tick = async () => {
      try {
        const snapshot = buildResultsSnapshot(election, await this.tallies.readCounters(election.id), this.clock.now());
        if (!watch.latest || snapshot.version !== watch.latest.version) {
          watch.latest = snapshot;
          for (const listener of watch.listeners) listener(snapshot);
        }
      } catch {
        // A failed read is retried on the next tick; watchers keep the last good snapshot.
      }
      if (this.watches.get(election.id) === watch) watch.timer = setTimeout(tick, this.intervalMs);
    };
    void tick();
  }
}
