"use client";

import { useTranslations } from "next-intl";
import { type Ref, useEffect, useRef } from "react";
import { refusalWords } from "@landslide/api/client";
import { Reason } from "@landslide/ui/words";
import { ReceiptView } from "./receipt-view";
import type { ReceiptQuestions } from "./recorded-order";
import type { Outcome } from "./vote-page-state";

/**
 * Where the ballot stands: announced in the status region (present from the start, so screen
 * readers hear what changes in it), a refusal as an alert, and the receipt when there is one. A
 * receipt that arrives while the page is open (after a cast, or on signing in) replaces what the
 * voter pressed: focus moves to its heading. Never on first render: arriving on the page keeps
 * focus where it is. `questions`: the election's, for the receipt to name the options in its order.
 */
export function OutcomeNotices({
  sending,
  outcome,
  questions,
}: {
  sending: boolean;
  outcome: Outcome | undefined;
  questions: ReceiptQuestions;
}) {
  const t = useTranslations();
  const receiptHeadingRef = useRef<HTMLHeadingElement>(null);
  const shownRef = useRef(outcome?.kind);
  useEffect(() => {
    if (outcome?.kind !== shownRef.current) receiptHeadingRef.current?.focus();
    shownRef.current = outcome?.kind;
  }, [outcome?.kind]);
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
      {outcome ? <OutcomeReceipt outcome={outcome} questions={questions} headingRef={receiptHeadingRef} /> : null}
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

function OutcomeReceipt({
  outcome,
  questions,
  headingRef,
}: {
  outcome: Outcome;
  questions: ReceiptQuestions;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  switch (outcome.kind) {
    case "counted":
    case "under-review":
      return (
        <ReceiptView
          receipt={outcome.receipt}
          questions={questions}
          {...(outcome.salt ? { salt: outcome.salt } : {})}
          headingRef={headingRef}
        />
      );
    case "already-voted":
      // A receipt from the refusal carries no salt: the salt stays with the tab that cast.
      return outcome.receipt ? (
        <ReceiptView receipt={outcome.receipt} questions={questions} headingRef={headingRef} />
      ) : null;
    case "refused":
      return null;
  }
}
