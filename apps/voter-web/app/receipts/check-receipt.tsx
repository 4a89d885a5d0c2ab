"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type ChangeEvent, type FormEvent, useState } from "react";
import { type Receipt, verifyReceipt } from "@landslide/api/client";
import { useSession } from "../../lib/use-session";
import { useLandslide } from "../providers";

type Verdict = { signature: boolean; state?: "counted" | "under review" | "not counted" | "not yours" };

function parseReceipt(text: string): Receipt | undefined {
  try {
    const parsed = JSON.parse(text) as { receipt?: Receipt } & Partial<Receipt>;
    const receipt = parsed.receipt ?? (parsed as Receipt);
    return typeof receipt.receiptId === "string" && typeof receipt.signature === "string" ? receipt : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks a receipt kept from voting: its signature, here in the browser against the published key,
 * and, for the voter who cast it, where the ballot stands now.
 */
export function CheckReceipt() {
  const client = useLandslide();
  const session = useSession();
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string>();
  const check = useMutation({
    mutationFn: async (receipt: Receipt): Promise<Verdict> => {
      const signature = await verifyReceipt(receipt, (await client.vote.receipts.publicKey.query()).pem);
      if (!signature || !session.signedIn) return { signature };
      const mine = await client.vote.voter.myReceipt.query({ electionId: receipt.electionId });
      if (!mine || mine.receipt.receiptId !== receipt.receiptId) return { signature, state: "not yours" };
      const state = mine.state === "accepted" || mine.state === "released" ? "counted" : mine.state === "quarantined" ? "under review" : "not counted";
      return { signature, state };
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const receipt = parseReceipt(text);
    setProblem(receipt ? undefined : "That is not a Landslide receipt: open the JSON file you downloaded, or paste its contents.");
    if (receipt) check.mutate(receipt);
  };
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
      <p>Open the receipt you downloaded after voting, or paste it. Its signature is checked here, in your browser.</p>
      <form onSubmit={submit} className="card" aria-label="Receipt to check">
        <p>
          <label htmlFor="receipt-file">Receipt file</label>
          <input id="receipt-file" type="file" accept="application/json,.json" onChange={(e) => void open(e)} />
        </p>
        <p>
          <label htmlFor="receipt-text">Or paste the receipt</label>
          <textarea id="receipt-text" rows={8} style={{ width: "100%", font: "inherit" }} value={text} onChange={(e) => setText(e.target.value)} />
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
        {check.data ? (
          <p className={check.data.signature ? "notice ok" : "notice bad"}>
            {check.data.signature ? "The signature is valid: Landslide issued this receipt." : "The signature does not verify: this receipt was not issued by Landslide, or it was changed."}{" "}
            {check.data.state === "counted" ? "Your ballot is counted." : null}
            {check.data.state === "under review" ? "Your ballot is under review; it will be counted once the review is done." : null}
            {check.data.state === "not counted" ? "Your ballot was not counted after review. Contact the election office if you think this is wrong." : null}
            {check.data.state === "not yours" ? "It is not the receipt of the account signed in here." : null}
            {check.data.signature && !session.signedIn ? "Sign in on the election's page to see where your own ballot stands." : null}
          </p>
        ) : null}
        {check.isError ? <p className="notice">The check could not run right now; try again in a moment.</p> : null}
      </div>
    </>
  );
}
