"use client";

import { useTranslations } from "next-intl";
import { refusalWords } from "@landslide/api/client";
import { Reason } from "@landslide/ui/words";
import { ReceiptView } from "./receipt-view";
import type { Outcome } from "./vote-page-state";

/**
 * Where the ballot stands: announced in the status region (present from the start, so screen
 * readers hear what changes in it), a refusal as an alert, and the receipt when there is one.
 */
export function OutcomeNotices({ sending, outcome }: { sending: boolean; outcome: Outcome | undefined }) {
  const t = useTranslations();
  return (
    <>
      <div aria-live="polite" role="status">
        {sending ? <p className="notice">{t("outcome.sending")}</p> : null}
        {outcome ? <OutcomeStatus outcome={outcome} /> : null}
      </div>
      {outcome?.kind === "refused" ? (
        <p role="alert" className="notice bad">
          {outcome.reason ? (
            <Reason code={outcome.reason} words={refusalWords} codeTitle={t("ui.codeTitle")}>
              {outcome.message}
            </Reason>
          ) : (
            outcome.message
          )}
        </p>
      ) : null}
      {outcome ? <OutcomeReceipt outcome={outcome} /> : null}
    </>
  );
}

function OutcomeStatus({ outcome }: { outcome: Outcome }) {
  const t = useTranslations("outcome");
  switch (outcome.kind) {
    case "counted":
      return <p className="notice ok">{t("counted")}</p>;
    case "under-review":
      return <p className="notice">{t("underReview")}</p>;
    case "already-voted":
      return (
        <p className="notice">
          {t("alreadyVoted")} {outcome.receipt ? t("alreadyVotedReceipt") : ""}
        </p>
      );
    case "refused":
      // Said as an alert, outside the status region.
      return null;
  }
}

function OutcomeReceipt({ outcome }: { outcome: Outcome }) {
  switch (outcome.kind) {
    case "counted":
    case "under-review":
      return <ReceiptView receipt={outcome.receipt} {...(outcome.salt ? { salt: outcome.salt } : {})} />;
    case "already-voted":
      // A receipt from the refusal carries no salt: the salt stays with the tab that cast.
      return outcome.receipt ? <ReceiptView receipt={outcome.receipt} /> : null;
    case "refused":
      return null;
  }
}
