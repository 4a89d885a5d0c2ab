import { EventSource } from "eventsource";
import { createLandslideClient, liveCounters } from "@landslide/api/client";
import type { ServiceUrls } from "../loadtest/simulated-voter";

/** One snapshot as a watcher received it. */
export interface SeenSnapshot {
  /** performance.now() when it arrived. */
  readonly atMs: number;
  readonly version: number;
  /** The tally's counters, by the names the recount uses (liveCounters). */
  readonly counters: Readonly<Record<string, number>>;
}

export interface Watcher {
  readonly snapshots: SeenSnapshot[];
  /** performance.now() at each time the stream (re)started: the first connection, then every reconnection. */
  readonly startedAt: number[];
  /** Times a started stream was lost (the client then reconnects, with Last-Event-ID). */
  drops: number;
  /** Whether the stream is started now. */
  connected: boolean;
}

export interface LiveWatchers {
  readonly watchers: readonly Watcher[];
  /** Whether every watcher's stream has started again since `sinceMs` (performance.now()). */
  allStartedSince(sinceMs: number): boolean;
  stop(): void;
}

/**
 * `count` people following an election's live results as the public does: each through the SDK's
 * `results.live` subscription (SSE, the `eventsource` package as in `election results --watch`),
 * at `resultsUrl` (the drill's relay in front of the results service). A stream that is lost is
 * resumed by the client itself (EventSource reconnects with Last-Event-ID); one that ends with an
 * error is subscribed again a second later from the last version seen.
 */
export function watchLiveResults(
  count: number,
  urls: ServiceUrls,
  resultsUrl: string,
  cognito: { region: string; endpoint?: string },
  electionId: string,
): LiveWatchers {
  const stops: Array<() => void> = [];
  let stopped = false;
  const watchers = Array.from({ length: count }, (): Watcher => ({
    snapshots: [],
    startedAt: [],
    drops: 0,
    connected: false,
  }));
  for (const watcher of watchers) {
    const client = createLandslideClient({
      urls: { ...urls, results: resultsUrl },
      cognito: { ...cognito, clientId: "public" },
      userAgent: "landslide-cli (chaos drill watcher)",
      EventSource,
    });
    const subscribe = () => {
      const last = watcher.snapshots.at(-1);
      const subscription = client.results.results.live.subscribe(
        { electionId, lastEventId: last ? String(last.version) : null },
        {
          onStarted: () => {
            watcher.connected = true;
            watcher.startedAt.push(performance.now());
          },
          onData: ({ data }) => {
            if (data.version <= (watcher.snapshots.at(-1)?.version ?? -1)) return;
            watcher.snapshots.push({ atMs: performance.now(), version: data.version, counters: liveCounters(data) });
          },
          onConnectionStateChange: (state) => {
            if (state.state !== "connecting" || !watcher.connected) return;
            watcher.connected = false;
            watcher.drops++;
          },
          onError: () => {
            if (watcher.connected) watcher.drops++;
            watcher.connected = false;
            subscription.unsubscribe();
            const again = setTimeout(() => {
              if (!stopped) stops.push(subscribe());
            }, 1_000);
            stops.push(() => clearTimeout(again));
          },
        },
      );
      return () => subscription.unsubscribe();
    };
    stops.push(subscribe());
  }
  return {
    watchers,
    allStartedSince: (sinceMs) => watchers.every((w) => (w.startedAt.at(-1) ?? -1) >= sinceMs),
    stop: () => {
      stopped = true;
      for (const stop of stops) stop();
    },
  };
}
