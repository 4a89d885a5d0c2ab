import { type Receipt, refusalOf } from "@landslide/api/client";
import { castFailureMessage } from "../../../lib/refusal-messages";
import type { Outcome } from "./vote-page-state";

/** A failed cast as the page tells it: ALREADY_VOTED carries the receipt of the ballot cast before; anything else is a refusal in words. */
export function castFailureOutcome(error: unknown): Outcome {
  const refusal = refusalOf(error);
  if (refusal?.reason === "ALREADY_VOTED")
    return { kind: "already-voted", receipt: refusal.details?.receipt as Receipt | undefined };
  return { kind: "refused", message: castFailureMessage(error), ...(refusal ? { reason: refusal.reason } : {}) };
}
