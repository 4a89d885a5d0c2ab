import type { LandslideClient } from "@landslide/api/client";
import type { ResultsSnapshot } from "@landslide/vote-engine";

const POLL_INTERVAL_MS = 2000;
const POLLING = `polling every ${POLL_INTERVAL_MS / 1000} s (the live stream is not available)`;

export interface ResultsListener {
  /** A snapshot newer than the last one given. */
  snapshot(snapshot: ResultsSnapshot): void;
  /** How the results arrive now: "live", or polling (with why), or a problem reaching the service. */
  status(status: string): void;
}

/**
 * Follows an election's results from `since` on: over the results service's SSE subscription,
 * and by polling every 2 s once the stream fails. Returns the function that stops following.
 */
export function followResults(client: LandslideClient, since: ResultsSnapshot, listener: ResultsListener): () => void {
  const { electionId } = since;
  let latest = since;
  let stopped = false;
  let poller: NodeJS.Timeout | undefined;

  const offer = (snapshot: ResultsSnapshot) => {
    if (stopped || snapshot.version <= latest.version) return;
    latest = snapshot;
    listener.snapshot(snapshot);
  };

  const poll = () => {
    poller = setTimeout(async () => {
      try {
        offer(await client.results.results.snapshot.query({ electionId }));
        listener.status(POLLING);
      } catch (error) {
        listener.status(
          `the results service does not answer (${(error as Error).message}); trying again every ${POLL_INTERVAL_MS / 1000} s`,
        );
      }
      if (!stopped) poll();
    }, POLL_INTERVAL_MS);
  };

  const fallBackToPolling = () => {
    if (poller || stopped) return;
    subscription.unsubscribe();
    listener.status(POLLING);
    poll();
  };

  const subscription = client.results.results.live.subscribe(
    { electionId, lastEventId: String(since.version) },
    {
      onStarted: () => listener.status("live"),
      onData: ({ data }) => offer(data),
      onError: fallBackToPolling,
      onConnectionStateChange: (state) => {
        if (state.state === "connecting" && state.error) fallBackToPolling();
      },
    },
  );

  return () => {
    stopped = true;
    subscription.unsubscribe();
    clearTimeout(poller);
  };
}
