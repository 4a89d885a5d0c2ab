import type { RecordCheck, RecordVerifier } from "../vote/verify-record";
import type { VoteChange } from "./vote-change";

/** Decides, before anything is counted, whether a change of the votes table may be counted at all. */
export type ChangeAdmission = (change: VoteChange) => RecordCheck;

/**
 * Only rows the vote API made count: every change (insert, review, removal) must carry a record
 * whose receipt verifies and is bound to the row. A row written around the API is set aside under its reason.
 */
export function signedChangesOnly(verify: RecordVerifier): ChangeAdmission {
  return (change) => {
    if (!change.signed)
      return {
        ok: false,
        reason: "UNSIGNED_RECORD",
        message: `A vote of election ${change.electionId} carries no signed receipt.`,
      };
    return verify(change.signed);
  };
}

/**
 * The deadline backstop: a signed ballot cast at or after its election's voting deadline (see
 * votingDeadline) is set aside as LATE_CAST, whichever task took it and whatever its clock said.
 * `deadlines` holds the deadline of each election the batch touches (absent: none set).
 */
export function castBeforeDeadline(admit: ChangeAdmission, deadlines: ReadonlyMap<string, Date>): ChangeAdmission {
  return (change) => {
    const check = admit(change);
    if (!check.ok || !change.signed) return check;
    const deadline = deadlines.get(change.electionId);
    const castAt = Date.parse(change.signed.receipt.castAt);
    if (deadline && !(castAt < deadline.getTime())) {
      return {
        ok: false,
        reason: "LATE_CAST",
        message: `Receipt ${change.signed.receipt.receiptId} was cast at ${change.signed.receipt.castAt}, not before voting stopped at ${deadline.toISOString()}.`,
      };
    }
    return check;
  };
}
