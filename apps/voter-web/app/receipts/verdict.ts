import type { RouterOutputs } from "@landslide/api/client";

type Standing = RouterOutputs["audit"]["receipt"];

/** What checking a receipt found. */
export interface Verdict {
  readonly receiptId: string;
  /** null: only the id was given, there is no signature to check. */
  readonly signature: boolean | null;
  readonly standing: Standing;
  /** For a sealed ballot: null when the inclusion proof holds, else what is wrong. */
  readonly proofProblem?: string | null;
}

/** The ballot's standing in one sentence; a sealed ballot is only "proven" when the browser's own check of the proof held. */
export function standingMessage({ standing, proofProblem }: Verdict): string {
  switch (standing.status) {
    case "included":
      return proofProblem
        ? `The inclusion proof does not hold: ${proofProblem} Keep this receipt and contact the election office.`
        : "Counted, and proven: this ballot's commitment is in the audit log, sealed in an epoch signed with the published audit key. Your browser checked the proof.";
    case "logged":
      return "Counted: the ballot is in the audit log; its epoch is sealed within seconds. Check again shortly for the proof.";
    case "under-review":
      return "Received and under review: it counts once an official releases it.";
    case "voided":
      return `Not counted: an official voided this ballot in fraud review${standing.reason ? ` (“${standing.reason}”)` : ""}. Contact the election office if you think this is wrong.`;
    case "not-found":
      return "No counted or held ballot has this receipt. A ballot cast a moment ago is logged within seconds; otherwise check the id.";
  }
}
