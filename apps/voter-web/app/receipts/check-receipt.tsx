"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type ChangeEvent, type FormEvent, useEffect, useState } from "react";
import { type LandslideClient, type Receipt, verifyReceipt, verifyReceiptInclusion } from "@landslide/api/client";
import { useLandslide } from "@landslide/ui/client";
import { readInput } from "./receipt-input";
import { signatureMessage, standingMessage, type Verdict } from "./verdict";
import { VerdictDetails } from "./verdict-details";

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
      if (standing.status === "logged") {
        const election = await electionOf(client, standing.record.electionId);
        return { receiptId, signature, standing, ...(election ? { election } : {}) };
      }
      if (standing.status !== "included") return { receiptId, signature, standing };
      const { entry, electionId } = standing.record;
      // With the whole receipt, the proof must reach the commitment the voter holds, not just any record.
      const held = receipt ?? { receiptId, electionId, commitment: entry.type === "ballot" ? entry.commitment : "" };
      const [proofProblem, election] = await Promise.all([
        verifyReceiptInclusion(held, standing, keys.audit),
        electionOf(client, electionId),
      ]);
      return { receiptId, signature, standing, proofProblem, ...(election ? { election } : {}) };
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = readInput(text);
    setProblem(
      input
        ? undefined
        : "That is neither a receipt number (32 characters: the digits 0–9 and the letters a–f) nor a receipt file from this site.",
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
        Checking a receipt tells you whether your ballot is counted and is in the record this election publishes for
        anyone to recount. It never shows how you voted.
      </p>
      <p>
        Type the receipt number, open the receipt file you downloaded after voting, or paste it. Everything is checked
        here, in your browser.
      </p>
      <form onSubmit={submit} className="card" aria-label="Receipt to check">
        <p>
          <label htmlFor="receipt-file">Receipt file</label>
          <input id="receipt-file" type="file" accept="application/json,.json" onChange={(e) => void open(e)} />
        </p>
        <p>
          <label htmlFor="receipt-text">Or the receipt number, or the receipt file pasted</label>
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

/** The election a ballot is in, for the verdict's sentence; undefined when the results service cannot say (the verdict stands without it). */
async function electionOf(client: LandslideClient, electionId: string): Promise<Verdict["election"]> {
  const [election, snapshot] = await Promise.allSettled([
    client.results.elections.get.query({ electionId }),
    client.results.results.snapshot.query({ electionId }),
  ]);
  if (election.status !== "fulfilled") return undefined;
  return { title: election.value.title, counted: snapshot.status === "fulfilled" ? snapshot.value.turnout : undefined };
}

function VerdictView({ verdict }: { verdict: Verdict }) {
  const { standing, signature } = verdict;
  const genuine = signatureMessage(signature);
  return (
    <section className="card" aria-label="Result of the check">
      {genuine === undefined ? null : <p className={signature ? "notice ok" : "notice bad"}>{genuine}</p>}
      <p className={standing.status === "included" && !verdict.proofProblem ? "notice ok" : "notice"}>
        {standingMessage(verdict)}
      </p>
      <VerdictDetails verdict={verdict} />
    </section>
  );
}
