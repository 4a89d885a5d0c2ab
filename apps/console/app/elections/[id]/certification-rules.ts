import type { OfficialElection } from "./official-election";
import type { RecountRun } from "./use-recount";

export interface CertifyContext {
  readonly election: Pick<OfficialElection, "status" | "storedStatus">;
  readonly recount: RecountRun | undefined;
  /** The live snapshot's version; undefined until it has loaded. */
  readonly tallyVersion: number | undefined;
  /** Held ballots still waiting for a decision; undefined until known. */
  readonly heldWaiting: number | undefined;
}

/**
 * Why the result cannot be certified yet, in the order an official fixes them; empty when it
 * can. The server checks again (open fraud cases, a fresh recount equal to the tally) and may
 * still refuse: these only spare officials a certain refusal and tell them what to do.
 */
export function certifyBlockers({ election, recount, tallyVersion, heldWaiting }: CertifyContext): string[] {
  const blockers: string[] = [];
  if (election.storedStatus !== "closed") {
    blockers.push(
      election.status === "closed"
        ? "Voting ended at its closing time, but the close is not recorded yet: use “Record the close” on the Overview tab."
        : `The election is ${election.status}: close it first.`,
    );
  }
  if (!recount) blockers.push("Run a recount once the election is closed.");
  else if (recount.basis.storedStatus !== "closed")
    blockers.push("The last recount was run before the election closed: run it again.");
  else if (tallyVersion === undefined) blockers.push("Waiting for the live tally to compare the recount with…");
  else if (recount.basis.version === undefined)
    blockers.push("The last recount ran before the live tally had loaded: run it again.");
  else if (recount.basis.version !== tallyVersion)
    blockers.push("The live tally has changed since the last recount: run it again.");
  else if (recount.result.differences.length > 0) {
    const n = recount.result.differences.length;
    blockers.push(
      `The recount differs from the live tally on ${n} ${n === 1 ? "counter" : "counters"}: find out why before certifying.`,
    );
  }
  if (heldWaiting === undefined) blockers.push("Checking for ballots still held for review…");
  else if (heldWaiting > 0)
    blockers.push(
      `${heldWaiting.toLocaleString("en")} held ${heldWaiting === 1 ? "ballot waits" : "ballots wait"} for a decision in Fraud review.`,
    );
  return blockers;
}
