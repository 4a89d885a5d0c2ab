import { type TRPCRouterRecord, tracked } from "@trpc/server";
import { z } from "zod";
import { buildResultsSnapshot, effectiveStatus, type ResultsSnapshot } from "@landslide/vote-engine";
import { refusal } from "../errors";
import { publicProcedure } from "../trpc";
import { electionOrRefuse } from "./election-or-refuse";

/** `results.live`'s input; the fan-out that serves it on the wire (http/live-results-stream.ts) parses with it too. */
export const liveResultsInput = z
  .object({ electionId: z.uuid(), lastEventId: z.string().regex(/^\d+$/).nullish() })
  .strict();

export const resultsRouter = {
  /** The live, versioned snapshot: the live poller's newest read, or one read shared for a moment (LiveResults.current). */
  snapshot: publicProcedure.input(z.object({ electionId: z.uuid() }).strict()).query(async ({ ctx, input }) => {
    const election = await electionOrRefuse(ctx.services.elections, input.electionId);
    return ctx.services.liveResults.current(election);
  }),

  /**
   * The final count once voting has ended: recounted from the stored votes, with every
   * instant-runoff round of each ranked question. Only counted votes (accepted or released) count.
   */
  final: publicProcedure.input(z.object({ electionId: z.uuid() }).strict()).query(async ({ ctx, input }) => {
    const election = await electionOrRefuse(ctx.services.elections, input.electionId);
    const status = effectiveStatus(election, ctx.services.clock.now());
    if (status !== "closed" && status !== "certified") {
      throw refusal(
        "PRECONDITION_FAILED",
        "RESULTS_NOT_FINAL",
        "The final result is published when the election closes; until then, follow the live results.",
      );
    }
    const exact = await ctx.services.finalCounts(election);
    return {
      ...buildResultsSnapshot(election, exact.counters, ctx.services.clock.now()),
      status,
      instantRunoff: exact.instantRunoff,
      counts: exact.counts,
    };
  }),

  /**
   * Snapshots pushed over SSE as the tally moves. Each event's id is the snapshot version, so a
   * client that reconnects with Last-Event-ID gets nothing it already has.
   *
   * On the results service, GET /trpc/results.live never reaches this generator: the fan-out in
   * http/live-results-stream.ts answers it with the same events, encoding each snapshot once for
   * every watcher instead of once per watcher. This procedure stays as the type clients link
   * against and the behaviour the fan-out reproduces (a router mounted without it still works).
   */
  live: publicProcedure.input(liveResultsInput).subscription(async function* ({ ctx, input, signal }) {
    const election = await electionOrRefuse(ctx.services.elections, input.electionId);
    const seen = input.lastEventId ? Number(input.lastEventId) : -1;
    // Only the newest snapshot matters: a slow reader skips the ones it missed.
    let pending: ResultsSnapshot | undefined;
    let wake: (() => void) | undefined;
    const unsubscribe = ctx.services.liveResults.subscribe(election, (snapshot) => {
      if (snapshot.version <= seen) return;
      pending = snapshot;
      wake?.();
    });
    const aborted = new Promise<void>((resolve) => signal?.addEventListener("abort", () => resolve(), { once: true }));
    try {
      while (!signal?.aborted) {
        if (!pending) await Promise.race([new Promise<void>((resolve) => (wake = resolve)), aborted]);
        const snapshot = pending;
        pending = undefined;
        if (snapshot) yield tracked(String(snapshot.version), snapshot);
      }
    } finally {
      unsubscribe();
    }
  }),
} satisfies TRPCRouterRecord;
