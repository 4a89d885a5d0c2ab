import { countOf, type RouterOutputs } from "@landslide/api/client";

type Standing = RouterOutputs["audit"]["receipt"];

/** What checking a receipt found. */
export interface Verdict {
  readonly receiptId: string;
  /** null: only the id was given, there is no signature to check. */
  readonly signature: boolean | null;
  readonly standing: Standing;
  /** For a sealed ballot: null when the inclusion proof holds, else what is wrong (for experts). */
  readonly proofProblem?: string | null;
  /** The election the ballot is in, when the results service could say: its title and ballots counted so far. */
  readonly election?: { readonly title: string; readonly counted: number | undefined };
}

/**
 * The ballot's standing in a voter's words, in one or two sentences. A sealed ballot is only said
 * to be in the published record when the browser's own check of the proof held; the proof's
 * technical detail is the page's "Details for experts".
 */
export function standingMessage({ standing, proofProblem, election }: Verdict): string {
  const theElection = election ? election.title : "this election";
  switch (standing.status) {
    case "included": {
      if (proofProblem)
        return "Your browser could not confirm that your ballot is in the published record of this election. Keep this receipt and contact the election office.";
      const inAll = election?.counted === undefined ? "" : `; ${countOf(election.counted, "ballot")} counted in all`;
      return `Your ballot is counted, and it is in the published record of ${theElection}${inAll}. Your browser checked this itself, so you do not have to take our word for it.`;
    }
    case "logged":
      return `Your ballot is counted. It is being added to the published record of ${theElection}, which takes a few seconds: check again shortly to see it there.`;
    case "under-review":
      return "Your ballot was received and is being reviewed by the election office. It counts once the review releases it; keep this receipt.";
    case "voided":
      return `Your ballot was not counted: the election office set it aside after review${standing.reason ? ` (“${standing.reason}”)` : ""}. If you think this is wrong, contact the election office.`;
    case "not-found":
      return "No ballot has this receipt yet. A ballot cast in the last few seconds may not show yet, so try again shortly; otherwise check the receipt number.";
  }
}

/** Whether the receipt itself is genuine, when the whole receipt was given (null: only its number, nothing to check). */
export function signatureMessage(signature: boolean | null): string | undefined {
  if (signature === null) return undefined;
  return signature
    ? "This receipt is genuine: it was issued by this election's voting service."
    : "This receipt is not genuine: it was not issued by this election's voting service, or it was changed since.";
}
