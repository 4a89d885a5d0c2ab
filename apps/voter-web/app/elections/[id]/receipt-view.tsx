"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import type { Receipt } from "@landslide/api/client";
import { useVoteApi } from "@landslide/ui/client";
import { sdkQueries } from "../../../lib/sdk-queries";

/** The receipt, its signature checked here in the browser against the published key, and a download. */
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
      <dl className="receipt">
        <dt>Receipt id</dt>
        <dd>{receipt.receiptId}</dd>
        <dt>Cast at</dt>
        <dd>{new Date(receipt.castAt).toUTCString()}</dd>
        <dt>Commitment</dt>
        <dd>{receipt.commitment}</dd>
        <dt>Signature</dt>
        <dd>
          {verified.isPending ? (
            "Checking…"
          ) : verified.data ? (
            <span className="ok">Verified in this browser with the election's public key</span>
          ) : (
            <span className="bad">Does not verify: keep this receipt and contact the election office</span>
          )}
        </dd>
      </dl>
      <div className="actions">
        <button type="button" className="secondary" onClick={download}>
          Download receipt (JSON)
        </button>
        <button type="button" className="secondary" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <p className="muted">
        Keep it: you can <Link href={`/receipts?id=${receipt.receiptId}`}>check this receipt</Link> at any time, by its
        id alone.
      </p>
    </section>
  );
}
