import type { RouterOutputs } from "@landslide/api/client";
import type { Translate } from "../../../i18n/english";

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
export function standingMessage({ standing, proofProblem, election }: Verdict, t: Translate): string {
  switch (standing.status) {
    case "included": {
      if (proofProblem) return t("verdict.notConfirmed");
      if (!election) return t("verdict.includedThisElection");
      return election.counted === undefined
        ? t("verdict.included", { title: election.title })
        : t("verdict.includedCounted", { title: election.title, count: election.counted });
    }
    case "logged":
      return election ? t("verdict.logged", { title: election.title }) : t("verdict.loggedThisElection");
    case "under-review":
      return t("verdict.underReview");
    case "voided":
      return standing.reason ? t("verdict.voidedBecause", { reason: standing.reason }) : t("verdict.voided");
    case "not-found":
      return t("verdict.notFound");
  }
}

/** Whether the receipt itself is genuine, when the whole receipt was given (null: only its number, nothing to check). */
export function signatureMessage(signature: boolean | null, t: Translate): string | undefined {
  if (signature === null) return undefined;
  return signature ? t("verdict.genuine") : t("verdict.notGenuine");
}
