"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type ChangeEvent, type FormEvent, useEffect, useState } from "react";
import { type Receipt, verifyReceipt, verifyReceiptInclusion } from "@landslide/api/client";
import { useLandslide } from "@landslide/ui/client";
import { readInput } from "./receipt-input";
import { standingMessage, type Verdict } from "./verdict";

/**
 * "Check my receipt later": by its id or the kept file. The signature and the inclusion proof are
 * checked here, in the browser, against the published keys; the server's word is not taken.
 * `linkedId` is the id of the receipt whose link led here (/receipts?id=…): shown and checked
 * straight away.
 */
export function CheckReceipt({ linkedId }: { linkedId: string | undefined }) {
  const client = useLandslide();
  const [text, setText] = useState(linkedId ?? "");
  const [problem, setProblem] = useState<string>();
  const check = useMutation({
    mutationFn: async ({ receiptId, receipt }: { receiptId: string; receipt?: Receipt }): Promise<Verdict> => {
      const [keys, standing] = await Promise.all([
        client.results.audit.keys.query(),
        client.results.audit.receipt.query({ receiptId }),
      ]);
      const signature = receipt ? await verifyReceipt(receipt, keys.receipt.pem) : null;
      if (standing.status !== "included") return { receiptId, signature, standing };
      const { entry, electionId } = standing.record;
      // With the whole receipt, the proof must reach the commitment the voter holds, not just any record.
      const held = receipt ?? { receiptId, electionId, commitment: entry.type === "ballot" ? entry.commitment : "" };
      return { receiptId, signature, standing, proofProblem: await verifyReceiptInclusion(held, standing, keys.audit) };
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = readInput(text);
    setProblem(
      input ? undefined : "That is neither a receipt id (32 characters, 0–9 and a–f) nor a Landslide receipt file.",
    );
    if (input) check.mutate(input);
  };
  const { mutate } = check;
  useEffect(() => {
    if (linkedId) mutate({ receiptId: linkedId });
  }, [linkedId, mutate]);
  const open = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
  };
  return (
    <>
      <p>
        <Link href="/">All elections</Link>
      </p>
      <h1>Check a receipt</h1>
      <p>
        Type the receipt id, open the receipt you downloaded after voting, or paste it. Everything is checked here, in
        your browser.
      </p>
      <form onSubmit={submit} className="card" aria-label="Receipt to check">
        <p>
          <label htmlFor="receipt-file">Receipt file</label>
          <input id="receipt-file" type="file" accept="application/json,.json" onChange={(e) => void open(e)} />
        </p>
        <p>
          <label htmlFor="receipt-text">Or the receipt id, or the receipt pasted</label>
          <textarea
            id="receipt-text"
            rows={6}
            style={{ width: "100%", font: "inherit" }}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </p>
        {problem ? (
          <p role="alert" className="notice">
            {problem}
          </p>
        ) : null}
        <button type="submit" disabled={check.isPending}>
          {check.isPending ? "Checking…" : "Check receipt"}
        </button>
      </form>
      <div aria-live="polite" role="status">
        {check.data ? <VerdictView verdict={check.data} /> : null}
        {check.isError ? <p className="notice">The check could not run right now; try again in a moment.</p> : null}
      </div>
    </>
  );
}

function VerdictView({ verdict }: { verdict: Verdict }) {
  const { standing, signature } = verdict;
  return (
    <section className="card" aria-label="Result of the check">
      {signature === null ? null : (
        <p className={signature ? "notice ok" : "notice bad"}>
          {signature
            ? "The signature is valid: Landslide issued this receipt."
            : "The signature does not verify: this receipt was not issued by Landslide, or it was changed."}
        </p>
      )}
      <p className={standing.status === "included" && !verdict.proofProblem ? "notice ok" : "notice"}>
        {standingMessage(verdict)}
      </p>
      {standing.status === "included" ? (
        <dl className="receipt">
          <dt>Log record</dt>
          <dd>
            {standing.record.seq} of election {standing.record.electionId}
          </dd>
          <dt>Sealed in</dt>
          <dd>
            epoch {standing.epoch.statement.epoch}, signed {new Date(standing.epoch.statement.sealedAt).toUTCString()}
          </dd>
          <dt>Signed root</dt>
          <dd>{standing.epoch.statement.root}</dd>
          <dt>Proof</dt>
          <dd>
            {standing.proof.path.length} hashes, leaf {standing.proof.index + 1} of {standing.proof.treeSize}
          </dd>
        </dl>
      ) : null}
    </section>
  );
}
