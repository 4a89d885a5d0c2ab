"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { type ChangeEvent, type FormEvent, useEffect, useState } from "react";
import { type LandslideClient, type Receipt, verifyReceipt, verifyReceiptInclusion } from "@landslide/api/client";
import { useLandslide } from "@landslide/ui/client";
import { Link } from "@landslide/ui/i18n/navigation";
import { shownElection } from "../../../lib/election-content";
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
  const t = useTranslations();
  const client = useLandslide();
  const locale = useLocale();
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
        const election = await electionOf(client, standing.record.electionId, locale);
        return { receiptId, signature, standing, ...(election ? { election } : {}) };
      }
      if (standing.status !== "included") return { receiptId, signature, standing };
      const { entry, electionId } = standing.record;
      // With the whole receipt, the proof must reach the commitment the voter holds, not just any record.
      const held = receipt ?? { receiptId, electionId, commitment: entry.type === "ballot" ? entry.commitment : "" };
      const [proofProblem, election] = await Promise.all([
        verifyReceiptInclusion(held, standing, keys.audit),
        electionOf(client, electionId, locale),
      ]);
      return { receiptId, signature, standing, proofProblem, ...(election ? { election } : {}) };
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (check.isPending) return;
    const input = readInput(text);
    setProblem(input ? undefined : t("receipts.notAReceipt"));
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
        <Link href="/">{t("receipts.allElections")}</Link>
      </p>
      <h1>{t("receipts.heading")}</h1>
      <p>{t("receipts.what")}</p>
      <p>{t("receipts.how")}</p>
      <form onSubmit={submit} className="card" aria-label={t("receipts.formLabel")}>
        <p>
          <label htmlFor="receipt-file">{t("receipts.file")}</label>
          <input id="receipt-file" type="file" accept="application/json,.json" onChange={(e) => void open(e)} />
        </p>
        <p>
          <label htmlFor="receipt-text">{t("receipts.text")}</label>
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
        <button type="submit" aria-disabled={check.isPending} aria-busy={check.isPending}>
          {check.isPending ? t("receipts.checking") : t("receipts.check")}
        </button>
      </form>
      <div aria-live="polite" role="status">
        {check.data ? <VerdictView verdict={check.data} /> : null}
        {check.isError ? <p className="notice">{t("receipts.failed")}</p> : null}
      </div>
    </>
  );
}

/** The election a ballot is in, for the verdict's sentence (its title in the page's language where translated); undefined when the results service cannot say (the verdict stands without it). */
async function electionOf(client: LandslideClient, electionId: string, locale: string): Promise<Verdict["election"]> {
  const [election, snapshot] = await Promise.allSettled([
    client.results.elections.get.query({ electionId }),
    client.results.results.snapshot.query({ electionId }),
  ]);
  if (election.status !== "fulfilled") return undefined;
  return {
    title: shownElection(election.value, locale).title,
    counted: snapshot.status === "fulfilled" ? snapshot.value.turnout : undefined,
  };
}

function VerdictView({ verdict }: { verdict: Verdict }) {
  const t = useTranslations();
  const { standing, signature } = verdict;
  const genuine = signatureMessage(signature, t);
  return (
    <section className="card" aria-label={t("receipts.resultLabel")}>
      {genuine === undefined ? null : <p className={signature ? "notice ok" : "notice bad"}>{genuine}</p>}
      <p className={standing.status === "included" && !verdict.proofProblem ? "notice ok" : "notice"}>
        {standingMessage(verdict, t)}
      </p>
      <VerdictDetails verdict={verdict} />
    </section>
  );
}
