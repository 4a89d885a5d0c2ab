import { type Receipt, refusalOf } from "@landslide/api/client";
import type { Translate } from "../../../../i18n/english";
import { castFailureMessage } from "../../../../lib/refusal-messages";
import type { Outcome } from "./vote-page-state";

/** A failed cast as the page tells it: ALREADY_VOTED carries the receipt of the ballot cast before; anything else is a refusal in words. */
export function castFailureOutcome(error: unknown, t: Translate): Outcome {
  const refusal = refusalOf(error);
  if (refusal?.reason === "ALREADY_VOTED")
    return { kind: "already-voted", receipt: refusal.details?.receipt as Receipt | undefined };
  return { kind: "refused", message: castFailureMessage(error, t), ...(refusal ? { reason: refusal.reason } : {}) };
}
