"use client";

import { useState } from "react";
import { type Snapshot, useLiveSnapshot } from "@landslide/ui/live-results";
import { type TurnoutSample, withSample } from "./turnout-history";

interface Sampled {
  /** The snapshot the history last took a sample of. */
  readonly from: Snapshot | undefined;
  readonly history: readonly TurnoutSample[];
}

/**
 * The live results as the voter site gets them (streamed, polled while the stream reconnects),
 * plus the history of turnout the console charts: a sample each time a newer snapshot arrives.
 */
export function useLiveFeed(electionId: string) {
  const { snapshot, live } = useLiveSnapshot(electionId);
  const [openedAt] = useState(() => Date.now());
  const [sampled, setSampled] = useState<Sampled>({ from: undefined, history: [] });
  const latest = snapshot.data;
  // Sampled while rendering, as React advises for state that follows a changing value: an effect
  // would render the new snapshot with the old history first. A snapshot cached before this page
  // opened counts as received when it opened.
  if (latest && latest !== sampled.from) {
    const receivedAt = Math.max(snapshot.dataUpdatedAt, openedAt);
    setSampled({
      from: latest,
      history: withSample(sampled.history, { version: latest.version, turnout: latest.turnout, receivedAt }),
    });
  }
  return { snapshot, live, history: sampled.history };
}

export type LiveFeed = ReturnType<typeof useLiveFeed>;
