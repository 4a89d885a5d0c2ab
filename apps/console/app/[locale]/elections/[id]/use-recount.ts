"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { RouterOutputs } from "@landslide/api/client";
import { useControlApi, useLandslide } from "@landslide/ui/client";
import type { ElectionStatus } from "./official-election";

export type Recount = RouterOutputs["official"]["elections"]["recount"];

/** A recount and what it was measured against: a later tally change or status change makes it stale. */
export interface RecountRun {
  readonly result: Recount;
  readonly at: Date;
  /** The live snapshot's version (undefined if none had arrived) and the stored status when the recount was asked for. */
  readonly basis: { readonly version: number | undefined; readonly storedStatus: ElectionStatus };
}

/**
 * Runs the exact recount and keeps the latest run (a failed re-run leaves the previous one on
 * screen, marked stale if the tally has moved since). The basis is taken when the recount is
 * asked for, not when it answers: a change in between may or may not be in the count, so it
 * makes the run stale — erring towards "run it again".
 */
export function useRecount(electionId: string) {
  const client = useLandslide();
  const control = useControlApi();
  const queries = useQueryClient();
  const [latest, setLatest] = useState<RecountRun>();
  const run = useMutation({
    mutationFn: async (basis: RecountRun["basis"]) => ({
      result: await client.control.official.elections.recount.mutate({ electionId }),
      basis,
      at: new Date(),
    }),
    onSuccess: (recount) => {
      setLatest(recount);
      // The recount is recorded in the audit trail.
      return queries.invalidateQueries(control.official.audit.pathFilter());
    },
  });
  return { run, latest };
}

export type RecountState = ReturnType<typeof useRecount>;
