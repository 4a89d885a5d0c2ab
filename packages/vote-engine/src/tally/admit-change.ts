import type { RecordCheck, RecordVerifier } from "../vote/verify-record";
import type { VoteChange } from "./vote-change";

/** Decides, before anything is counted, whether a change of the votes table may be counted at all. */
export type ChangeAdmission = (change: VoteChange) => RecordCheck;

/**
 * Only rows the vote API made count: every change (insert, review, removal) must carry a record
 * whose receipt and seal verify. A row written around the API is set aside under its reason.
 */
export function signedChangesOnly(verify: RecordVerifier): ChangeAdmission {
  return (change) => {
    if (!change.signed) return { ok: false, reason: "UNSIGNED_RECORD", message: `A vote of election ${change.electionId} carries no signed receipt.` };
    return verify(change.signed);
  };
}
