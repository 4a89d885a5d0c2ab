"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { RouterInputs, RouterOutputs } from "@landslide/api/client";
import { useControlApi, useResultsApi } from "@landslide/ui/client";

/** One election as officials see it: drafts included, `status` as voters see it now, `storedStatus` as recorded. */
export type OfficialElection = RouterOutputs["official"]["elections"]["list"][number];
export type ElectionStatus = RouterInputs["official"]["elections"]["transition"]["to"];

/**
 * After an official changed an election: everything that shows it, and the audit trail that now
 * records it. Everything officials read about elections (the list, which this election is read
 * from, and each dashboard) sits under the control API's `official.elections`, so one path
 * refreshes it all; fraud review also reads the results service's public `elections.get`.
 */
export function useElectionChanged(): (electionId: string) => Promise<unknown> {
  const control = useControlApi();
  const results = useResultsApi();
  const queries = useQueryClient();
  return useCallback(
    (electionId: string) =>
      Promise.all([
        queries.invalidateQueries(control.official.elections.pathFilter()),
        queries.invalidateQueries(results.elections.get.queryFilter({ electionId })),
        queries.invalidateQueries(control.official.audit.pathFilter()),
      ]),
    [control, results, queries],
  );
}

/**
 * The election, read from the officials' list: the control API has no `get` for officials (the
 * public `elections.get` hides drafts), and sharing the list's cache keeps both pages in step.
 * Polled, because a scheduled election opens and closes by itself; read again just after a pause
 * or close an official asked for takes effect, so the page does not say "Open" for up to a poll.
 */
const POLL_MS = 5_000;

/** Every few seconds, or just after a stop that takes effect sooner. */
function nextPoll(stopsAt: string | Date | null | undefined): number {
  const untilStop = stopsAt ? new Date(stopsAt).getTime() - Date.now() : -1;
  return untilStop >= 0 && untilStop < POLL_MS ? untilStop + 250 : POLL_MS;
}

export function useOfficialElection(electionId: string) {
  const control = useControlApi();
  return useQuery(
    control.official.elections.list.queryOptions(undefined, {
      select: (elections) => elections.find((e) => e.id === electionId),
      refetchInterval: (query) => nextPoll(query.state.data?.find((e) => e.id === electionId)?.stopsAt),
    }),
  );
}

/** The dashboard's election figures and the deployment's metrics; polled, since neither comes over SSE. */
export function useElectionDashboard(electionId: string) {
  const control = useControlApi();
  return useQuery(control.official.elections.dashboard.queryOptions({ electionId }, { refetchInterval: 3_000 }));
}
