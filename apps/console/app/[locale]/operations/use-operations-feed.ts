"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useControlApi } from "@landslide/ui/client";
import { type OperationsSample, type OperationsSnapshot, sampleOf, withSample } from "./operations-history";

/** Often enough for a surge to show within seconds; each poll costs the control API one scrape of every service. */
export const POLL_MS = 3_000;

interface Sampled {
  /** The snapshot the history last took a sample of. */
  readonly from: OperationsSnapshot | undefined;
  readonly history: readonly OperationsSample[];
}

/**
 * The deployment as the operator's snapshot says it is now, polled, and the history the page
 * keeps of it (the last ten minutes) for rates and percentiles over time. The history lives in
 * this page only: it starts when the page opens, and a reload starts it again.
 */
export function useOperationsFeed() {
  const control = useControlApi();
  const snapshot = useQuery(control.operator.snapshot.queryOptions(undefined, { refetchInterval: POLL_MS }));
  const [sampled, setSampled] = useState<Sampled>({ from: undefined, history: [] });
  const latest = snapshot.data;
  // Sampled while rendering, as React advises for state that follows a changing value: an effect
  // would render the new snapshot with the old history first.
  if (latest && latest !== sampled.from) {
    setSampled({ from: latest, history: withSample(sampled.history, sampleOf(latest)) });
  }
  return { snapshot, history: sampled.history };
}
