"use client";

import { type QueryClient, useQuery } from "@tanstack/react-query";
import type { RouterInputs, RouterOutputs } from "@landslide/api/client";
import { useLandslide } from "../../providers";

/** One election as officials see it: drafts included, `status` as voters see it now, `storedStatus` as recorded. */
export type OfficialElection = RouterOutputs["official"]["elections"]["list"][number];
export type ElectionStatus = RouterInputs["official"]["elections"]["transition"]["to"];

/**
 * Query keys of the election overview. Everything about one election sits under the elections
 * list's key, so invalidating `["official-elections"]` after a change refreshes the list, this
 * election and its dashboard at once.
 */
export const electionQueryKeys = {
  all: ["official-elections"] as const,
  dashboard: (electionId: string) => ["official-elections", electionId, "dashboard"] as const,
  snapshot: (electionId: string) => ["results", electionId] as const,
  /** The public `elections.get`, which other console pages (fraud review) read. */
  publicElection: (electionId: string) => ["election", electionId] as const,
  auditTrail: ["official-audit"] as const,
};

/** After an official changed the election: everything that shows it, and the audit trail that now records it. */
export function electionChanged(queries: QueryClient, electionId: string) {
  return Promise.all([
    queries.invalidateQueries({ queryKey: electionQueryKeys.all }),
    queries.invalidateQueries({ queryKey: electionQueryKeys.publicElection(electionId) }),
    queries.invalidateQueries({ queryKey: electionQueryKeys.auditTrail }),
  ]);
}

/**
 * The election, read from the officials' list: the control API has no `get` for officials (the
 * public `elections.get` hides drafts), and sharing the list's cache keeps both pages in step.
 * Polled, because a scheduled election opens and closes by itself.
 */
export function useOfficialElection(electionId: string) {
  const client = useLandslide();
  return useQuery({
    queryKey: electionQueryKeys.all,
    queryFn: () => client.control.official.elections.list.query(),
    select: (elections) => elections.find((e) => e.id === electionId),
    refetchInterval: 5_000,
  });
}

/** The dashboard's election figures and the deployment's metrics; polled, since neither comes over SSE. */
export function useElectionDashboard(electionId: string) {
  const client = useLandslide();
  return useQuery({
    queryKey: electionQueryKeys.dashboard(electionId),
    queryFn: () => client.control.official.elections.dashboard.query({ electionId }),
    refetchInterval: 3_000,
  });
}
