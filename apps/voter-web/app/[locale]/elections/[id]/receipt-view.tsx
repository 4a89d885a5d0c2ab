"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import type { Ref } from "react";
import type { Receipt } from "@landslide/api/client";
import { useVoteApi } from "@landslide/ui/client";
import { formatDateTime, toIsoString, viewerLocale } from "@landslide/ui/date-time";
import { Link } from "@landslide/ui/i18n/navigation";
import { sdkQueries } from "../../../../lib/sdk-queries";
import { EmailReceipt } from "./email-receipt";
import { type ReceiptQuestions, RecordedOrder } from "./recorded-order";

/**
 * The receipt, said for a voter: what it is, that it is genuine (its signature checked here in the
 * browser against the published key), what to do with it. The cryptography stays under "Details
 * for experts", for whoever wants to check it by hand.
 */
export function ReceiptView({
  receipt,
  questions,
  salt,
  headingRef,
}: {
  receipt: Receipt;
  /** The election's, as the page shows them: they name the options of an order the receipt records. */
  questions: ReceiptQuestions;
  salt?: string;
  /** For focus to move to the receipt when it replaces what the voter pressed (the cast button, the sign-in form). */
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const t = useTranslations("receipt");
  const locale = useLocale();
  const vote = useVoteApi();
  const queries = useQueryClient();
  // The published key is read once and kept (its tRPC query); the check itself runs on this receipt.
  const verified = useQuery(
    sdkQueries.receiptSignature(
      receipt,
      async () => (await queries.fetchQuery(vote.receipts.publicKey.queryOptions())).pem,
    ),
  );
  const download = () => {
    const blob = new Blob([JSON.stringify({ receipt, ...(salt ? { salt } : {}) }, null, 2)], {
      type: "application/json",
    });
    const link = Object.assign(document.createElement("a"), {
      href: URL.createObjectURL(blob),
      download: `landslide-receipt-${receipt.receiptId}.json`,
    });
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return (
    <section className="card" aria-labelledby="receipt-heading">
      <h2 id="receipt-heading" ref={headingRef} tabIndex={-1}>
        {t("heading")}
      </h2>
      <p>{t("intro")}</p>
      <dl className="receipt">
        <dt>{t("number")}</dt>
        <dd data-testid="receipt-number" style={{ overflowWrap: "anywhere" }}>
          {receipt.receiptId}
        </dd>
        <dt>{t("cast")}</dt>
        {/* Words, not a code: the monospace of .receipt is for the number and the experts' values. */}
        <dd style={{ fontFamily: "inherit" }}>
          {/* Shown once the ballot is cast or read, in the browser: the viewer's zone and their variant of the page's language. */}
          <time dateTime={toIsoString(receipt.castAt)}>
            {formatDateTime(receipt.castAt, { seconds: true, locale: viewerLocale(locale) })}
          </time>
        </dd>
        {receipt.weight !== undefined && receipt.weight !== 1 ? (
          <>
            <dt>{t("weight")}</dt>
            <dd data-testid="receipt-weight" style={{ fontFamily: "inherit" }}>
              {t("weightValue", { weight: receipt.weight })}
            </dd>
          </>
        ) : null}
        <dt>{t("genuine")}</dt>
        <dd style={{ fontFamily: "inherit" }}>
          {verified.isPending ? (
            t("checking")
          ) : verified.data ? (
            <span className="ok">{t("genuineYes")}</span>
          ) : (
            <span className="bad">{t("genuineNo")}</span>
          )}
        </dd>
      </dl>
      {receipt.optionOrder ? <RecordedOrder order={receipt.optionOrder} questions={questions} /> : null}
      <div className="actions">
        <button type="button" className="secondary" onClick={download}>
          {t("download")}
        </button>
        <button type="button" className="secondary" onClick={() => window.print()}>
          {t("print")}
        </button>
      </div>
      <EmailReceipt electionId={receipt.electionId} />
      <p className="muted">
        {t.rich("keep", {
          link: (chunks) => <Link href={{ pathname: "/receipts", query: { id: receipt.receiptId } }}>{chunks}</Link>,
        })}
        {salt ? ` ${t("keepPrivate")}` : ""}
      </p>
      <details>
        <summary>{t("experts")}</summary>
        <dl className="receipt" style={{ overflowWrap: "anywhere" }}>
          <dt>{t("commitment")}</dt>
          <dd>{receipt.commitment}</dd>
          <dt>{t("signingKey")}</dt>
          <dd>{receipt.keyId}</dd>
          <dt>{t("signature")}</dt>
          <dd>{receipt.signature}</dd>
          <dt>{t("electionId")}</dt>
          <dd>{receipt.electionId}</dd>
        </dl>
      </details>
    </section>
  );
}
