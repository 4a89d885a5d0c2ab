"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import type { Receipt } from "@landslide/api/client";
import { useVoteApi } from "@landslide/ui/client";
import { formatDateTime, toIsoString } from "@landslide/ui/date-time";
import { sdkQueries } from "../../../lib/sdk-queries";

/**
 * The receipt, said for a voter: what it is, that it is genuine (its signature checked here in the
 * browser against the published key), what to do with it. The cryptography stays under "Details
 * for experts", for whoever wants to check it by hand.
 */
export function ReceiptView({ receipt, salt }: { receipt: Receipt; salt?: string }) {
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
      <h2 id="receipt-heading">Your receipt</h2>
      <p>
        This receipt shows that the election received your ballot. With it you can check, at any time, that your ballot
        is in the published record of this election, without anyone learning how you voted.
      </p>
      <dl className="receipt">
        <dt>Receipt number</dt>
        <dd data-testid="receipt-number" style={{ overflowWrap: "anywhere" }}>
          {receipt.receiptId}
        </dd>
        <dt>Cast</dt>
        {/* Words, not a code: the monospace of .receipt is for the number and the experts' values. */}
        <dd style={{ fontFamily: "inherit" }}>
          <time dateTime={toIsoString(receipt.castAt)}>{formatDateTime(receipt.castAt, { seconds: true })}</time>
        </dd>
        <dt>Genuine</dt>
        <dd style={{ fontFamily: "inherit" }}>
          {verified.isPending ? (
            "Checking…"
          ) : verified.data ? (
            <span className="ok">Yes: issued by this election, checked in your browser</span>
          ) : (
            <span className="bad">Could not be confirmed: keep this receipt and contact the election office</span>
          )}
        </dd>
      </dl>
      <div className="actions">
        <button type="button" className="secondary" onClick={download}>
          Download receipt
        </button>
        <button type="button" className="secondary" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <p className="muted">
        Keep it: you can <Link href={`/receipts?id=${receipt.receiptId}`}>check this receipt</Link> at any time, by its
        number alone.
        {salt
          ? " Keep the downloaded file private, as you would your ballot: it holds the secret that links the receipt to your choices."
          : ""}
      </p>
      <details>
        <summary>Details for experts</summary>
        <dl className="receipt" style={{ overflowWrap: "anywhere" }}>
          <dt>Ballot commitment (SHA-256 of a secret and the ballot)</dt>
          <dd>{receipt.commitment}</dd>
          <dt>Signing key</dt>
          <dd>{receipt.keyId}</dd>
          <dt>Signature (Ed25519)</dt>
          <dd>{receipt.signature}</dd>
          <dt>Election identifier</dt>
          <dd>{receipt.electionId}</dd>
        </dl>
      </details>
    </section>
  );
}
