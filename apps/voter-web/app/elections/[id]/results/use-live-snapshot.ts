"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { RouterOutputs } from "@landslide/api/client";
import { useLandslide } from "../../../providers";

export type Snapshot = RouterOutputs["results"]["snapshot"];

/** While the live stream is down, the cacheable snapshot is read this often instead. */
const POLL_MS = 5_000;

/**
 * The newest results snapshot: pushed over the SSE subscription, or, while that is reconnecting,
 * polled from the cacheable snapshot. Snapshots carry a version; an older one never replaces a newer.
 */
export function useLiveSnapshot(electionId: string) {
  const client = useLandslide();
  const queries = useQueryClient();
  const [live, setLive] = useState(false);
  const key = ["results", electionId];
  const snapshot = useQuery({
    queryKey: key,
    queryFn: () => client.results.results.snapshot.query({ electionId }),
    refetchInterval: live ? false : POLL_MS,
  });

  useEffect(() => {
    const keep = (next: Snapshot) =>
      queries.setQueryData<Snapshot>(["results", electionId], (current) => (current && current.version > next.version ? current : next));
    const subscription = client.results.results.live.subscribe(
      { electionId },
      {
        onStarted: () => setLive(true),
        onData: ({ data }) => {
          setLive(true);
          keep(data);
        },
        onError: () => setLive(false),
        onConnectionStateChange: (state) => setLive(state.state === "pending"),
      },
    );
    return () => subscription.unsubscribe();
  }, [client, queries, electionId]);

  return { snapshot, live };
}
