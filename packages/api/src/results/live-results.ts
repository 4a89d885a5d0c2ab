import {
  buildResultsSnapshot,
  type Clock,
  type Election,
  type ResultsSnapshot,
  type TallyStore,
} from "@landslide/vote-engine";
import { promiseCache } from "../promise-cache";

type Listener = (snapshot: ResultsSnapshot) => void;

interface Watch {
  readonly listeners: Set<Listener>;
  /** The newest version pushed to listeners (its asOf is when that version was first read). */
  latest: ResultsSnapshot | undefined;
  /** The newest read, same version or not: what a snapshot request gets while the election is watched. */
  checked: ResultsSnapshot | undefined;
  timer: NodeJS.Timeout | undefined;
}

/**
 * How long a snapshot read for a request (an election nobody watches live on this task) is shared
 * with the requests after it. The JSON document says max-age=1 anyway; this keeps a burst of
 * snapshot requests to a few reads of the counters per second instead of one read per request.
 */
const SNAPSHOT_CACHE_MS = 250;

/**
 * One reader of the counters per election per process, however many people watch: subscribers
 * share its snapshots. It stops reading when the last one leaves. This is what lets a results
 * task hold thousands of SSE connections while DynamoDB sees a few reads per second.
 */
export class LiveResults {
  private readonly watches = new Map<string, Watch>();
  private readonly readOnce = promiseCache<ResultsSnapshot>(SNAPSHOT_CACHE_MS);

  constructor(
    private readonly tallies: TallyStore,
    private readonly clock: Clock,
    private readonly intervalMs = 300,
  ) {}

  /** Calls `listener` with the current snapshot and every newer one; returns the unsubscribe. */
  subscribe(election: Election, listener: Listener): () => void {
    let watch = this.watches.get(election.id);
    if (!watch) {
      watch = { listeners: new Set(), latest: undefined, checked: undefined, timer: undefined };
      this.watches.set(election.id, watch);
      this.poll(election, watch);
    } else if (watch.latest) {
      listener(watch.latest);
    }
    watch.listeners.add(listener);
    return () => {
      watch.listeners.delete(listener);
      if (watch.listeners.size === 0 && this.watches.get(election.id) === watch) {
        clearTimeout(watch.timer);
        this.watches.delete(election.id);
      }
    };
  }

  /**
   * The current snapshot for a request: the live poller's newest read when the election is
   * watched here (at most one interval old), else one read shared for SNAPSHOT_CACHE_MS.
   */
  current(election: Election): Promise<ResultsSnapshot> {
    const checked = this.watches.get(election.id)?.checked;
    if (checked) return Promise.resolve(checked);
    return this.readOnce(election.id, async () =>
      buildResultsSnapshot(election, await this.tallies.readCounters(election.id), this.clock.now()),
    );
  }

  /** Elections polled right now (each has at least one listener): 0 once every watcher has left. */
  get watchedElections(): number {
    return this.watches.size;
  }

  private poll(election: Election, watch: Watch): void {
    const tick = async () => {
      try {
        const snapshot = buildResultsSnapshot(election, await this.tallies.readCounters(election.id), this.clock.now());
        watch.checked = snapshot;
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
