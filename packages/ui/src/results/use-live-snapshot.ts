"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import type { RouterOutputs } from "@landslide/api/client";
import { useResultsApi } from "../client/service-contexts";
import { newerSnapshot } from "./newer-snapshot";

export type Snapshot = RouterOutputs["results"]["snapshot"];

/** While the live stream is down, the cacheable snapshot is read this often instead. */
export const POLL_MS = 5_000;

/**
 * The newest results snapshot of an election: pushed over the SSE subscription, or, while that is
 * reconnecting, polled from the cacheable snapshot. Both land in the same cache entry, and an
 * older snapshot never replaces a newer one. `live` is whether the stream is connected now.
 */
export function useLiveSnapshot(electionId: string) {
  const results = useResultsApi();
  const queries = useQueryClient();
  const stream = useSubscription(
    results.results.live.subscriptionOptions(
      { electionId },
      {
        onData: ({ data }) =>
          queries.setQueryData(results.results.snapshot.queryKey({ electionId }), (current) =>
            newerSnapshot(current, data),
          ),
      },
    ),
  );
  const live = stream.status === "pending";
  const snapshot = useQuery(
    results.results.snapshot.queryOptions({ electionId }, { refetchInterval: live ? false : POLL_MS }),
  );
  return { snapshot, live };
}
