import type { Translate } from "../../../../i18n/english";
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
export function certifyBlockers(
  { election, recount, tallyVersion, heldWaiting }: CertifyContext,
  t: Translate,
): string[] {
  const blockers: string[] = [];
  if (election.storedStatus !== "closed") {
    blockers.push(
      election.status === "closed"
        ? t("blockers.closeNotRecorded")
        : t("blockers.notClosed", { status: election.status }),
    );
  }
  if (!recount) blockers.push(t("blockers.noRecount"));
  else if (recount.basis.storedStatus !== "closed") blockers.push(t("blockers.recountBeforeClose"));
  else if (tallyVersion === undefined) blockers.push(t("blockers.waitingForTally"));
  else if (recount.basis.version === undefined) blockers.push(t("blockers.recountBeforeTally"));
  else if (recount.basis.version !== tallyVersion) blockers.push(t("blockers.tallyChanged"));
  else if (recount.result.differences.length > 0)
    blockers.push(t("blockers.differs", { count: recount.result.differences.length }));
  if (heldWaiting === undefined) blockers.push(t("blockers.checkingHeld"));
  else if (heldWaiting > 0) blockers.push(t("blockers.held", { count: heldWaiting }));
  return blockers;
}
