import { type Clock, type ElectionCopies, ELECTION_READ_MAX_AGE_MS, STOP_NOTICE_MS } from "@landslide/vote-engine";
import type { ElectionsRepository, StoredElection } from "@landslide/vote-engine/postgres";

/** How often a stop whose copy reached the data plane too late is given its notice again, at most. */
const STOP_POSTPONEMENTS = 3;

/**
 * Sends each change an official makes to the data plane's copy of the election, which is what
 * every vote-API and results task obeys. A pause or close is recorded STOP_NOTICE_MS ahead so all
 * tasks stop at the same instant; that only holds if the copy lands at least
 * ELECTION_READ_MAX_AGE_MS before it (a task judges by a copy at most that old). When the write
 * was slower than that, the stop is moved later and sent again: the voters who cast meanwhile were
 * told yes, so the stop must not come before them.
 */
export function electionPublisher(deps: {
  readonly copies: ElectionCopies;
  readonly repository: () => ElectionsRepository;
  readonly clock: Clock;
}) {
  return {
    /** A new definition or schedule, or a transition without a stop notice. */
    async publish(election: StoredElection): Promise<StoredElection> {
      await deps.copies.publish(election);
      return election;
    },

    /** A transition that set `stopsAt` just now: returns the election with the stop it ended with. */
    async publishStop(election: StoredElection): Promise<StoredElection> {
      let current = election;
      for (let postponed = 0; ; postponed++) {
        await deps.copies.publish(current);
        const landedAt = deps.clock.now().getTime();
        const stopsAt = current.stopsAt?.getTime();
        if (stopsAt === undefined || landedAt <= stopsAt - ELECTION_READ_MAX_AGE_MS || postponed === STOP_POSTPONEMENTS)
          return current;
        const later = await deps
          .repository()
          .postponeStop(current.id, current.version, new Date(landedAt + STOP_NOTICE_MS));
        // Someone changed the election meanwhile: their publish carries the newer state.
        if (!later) return current;
        current = later;
      }
    },
  };
}

export type ElectionPublisher = ReturnType<typeof electionPublisher>;
