"use client";

import { createContext, use } from "react";
import type { OfficialElection } from "./official-election";
import type { LiveFeed } from "./use-live-feed";
import type { RecountState } from "./use-recount";

/**
 * What the election's sub-pages share, held by the layout so that it survives moving between tabs:
 * the election itself, its live feed (with the turnout history the chart draws) and the latest
 * recount (certification compares it, export writes it).
 */
export interface ElectionContextValue {
  readonly election: OfficialElection;
  readonly live: LiveFeed;
  readonly recount: RecountState;
}

export const ElectionContext = createContext<ElectionContextValue | null>(null);

/** For the sub-pages under app/elections/[id]: the layout renders them only once the election is known. */
export function useElection(): ElectionContextValue {
  const value = use(ElectionContext);
  if (!value) throw new Error("useElection is used outside the election's layout");
  return value;
}
