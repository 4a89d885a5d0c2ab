"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import type { RouterOutputs } from "@landslide/api/client";
import { useLandslide } from "../../providers";
import { electionQueryKeys } from "./official-election";

export type Snapshot = RouterOutputs["results"]["snapshot"];

/** A snapshot's turnout as it reached this page, for votes per second and the turnout chart. */
export interface TurnoutSample {
  readonly version: number;
  readonly turnout: number;
  /** When this page received it (the browser's clock, the same one that measures the window). */
  readonly receivedAt: number;
}

/** While the live stream is down, the cacheable snapshot is read this often instead. */
const POLL_MS = 5_000;
/** About an hour of steady voting at one snapshot every few seconds; older samples are dropped. */
const MAX_SAMPLES = 1_000;

/**
 * The newest results snapshot: pushed over the SSE subscription, or, while that is reconnecting,
 * polled from the cacheable snapshot. Snapshots carry a version; an older one never replaces a newer.
 * Adapted from the voter site's hook (apps/voter-web/…/results/use-live-snapshot.ts), plus the
 * history of turnout the console charts, recorded as each newer snapshot arrives.
 */
export function useLiveSnapshot(electionId: string) {
  const client = useLandslide();
  const queries = useQueryClient();
  const [live, setLive] = useState(false);
  const [history, setHistory] = useState<readonly TurnoutSample[]>([]);

  // Called from the poll and from the stream: both are arrivals.
  const remember = useCallback((snapshot: Snapshot) => {
    const sample = { version: snapshot.version, turnout: snapshot.turnout, receivedAt: Date.now() };
    setHistory((samples) => {
      const last = samples.at(-1);
      return last && last.version >= sample.version ? samples : [...samples.slice(-(MAX_SAMPLES - 1)), sample];
    });
    return snapshot;
  }, []);

  const snapshot = useQuery({
    queryKey: electionQueryKeys.snapshot(electionId),
    queryFn: async () => remember(await client.results.results.snapshot.query({ electionId })),
    refetchInterval: live ? false : POLL_MS,
  });

  useEffect(() => {
    const keep = (next: Snapshot) =>
      queries.setQueryData<Snapshot>(electionQueryKeys.snapshot(electionId), (current) => (current && current.version > next.version ? current : next));
    const subscription = client.results.results.live.subscribe(
      { electionId },
      {
        onStarted: () => setLive(true),
        onData: ({ data }) => {
          setLive(true);
          keep(remember(data));
        },
        onError: () => setLive(false),
        onConnectionStateChange: (state) => setLive(state.state === "pending"),
      },
    );
    return () => subscription.unsubscribe();
  }, [client, queries, electionId, remember]);

  return { snapshot, live, history };
}

export type LiveSnapshot = ReturnType<typeof useLiveSnapshot>;
