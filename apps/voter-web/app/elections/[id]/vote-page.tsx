"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { newIdempotencyKey, type Receipt, refusalOf } from "@landslide/api/client";
import { castFailureMessage, refusalMessage } from "../../../lib/refusal-messages";
import { useInteractionRecorder } from "../../../lib/use-interaction-recorder";
import { useSession } from "../../../lib/use-session";
import { useLandslide } from "../../providers";
import { SignInPanel } from "../../sign-in-panel";
import { PasskeyGate } from "./passkey-panel";
import { type Answers, BallotForm, ballotProblems, toBallot } from "./ballot-form";
import { BallotReview } from "./ballot-review";
import { ReceiptView } from "./receipt-view";

type Outcome = { kind: "counted" | "under-review"; receipt: Receipt; salt?: string } | { kind: "already-voted"; receipt?: Receipt } | { kind: "refused"; message: string };

/** What the page tells the voter: this tab's cast if there was one, else where their stored ballot stands. */
function outcomeOf(
  cast: { isSuccess: boolean; isError: boolean; data?: { decision: string; receipt: Receipt; salt: string } | undefined; error: unknown },
  mine: { receipt: Receipt; salt: string; state: string } | null | undefined,
): Outcome | undefined {
  if (cast.isSuccess && cast.data) return { kind: cast.data.decision === "accepted" ? "counted" : "under-review", receipt: cast.data.receipt, salt: cast.data.salt };
  if (cast.isError) {
    const refusal = refusalOf(cast.error);
    if (refusal?.reason === "ALREADY_VOTED") return { kind: "already-voted", receipt: refusal.details?.receipt as Receipt | undefined };
    return { kind: "refused", message: castFailureMessage(cast.error) };
  }
  if (!mine) return undefined;
  if (mine.state === "accepted" || mine.state === "released") return { kind: "counted", receipt: mine.receipt, salt: mine.salt };
  if (mine.state === "quarantined") return { kind: "under-review", receipt: mine.receipt, salt: mine.salt };
  return { kind: "refused", message: "Your ballot was not counted after review. Contact the election office if you think this is wrong." };
}

/** One idempotency key per election and tab: a retry after a network failure or a reload is the same cast. */
function castKey(electionId: string): string {
  const name = `landslide:cast-key:${electionId}`;
  const existing = sessionStorage.getItem(name);
  if (existing) return existing;
  const key = newIdempotencyKey();
  sessionStorage.setItem(name, key);
  return key;
}

export function VotePage({ electionId }: { electionId: string }) {
  const client = useLandslide();
  const session = useSession();
  const election = useQuery({ queryKey: ["election", electionId], queryFn: () => client.vote.elections.get.query({ electionId }) });
  const mine = useQuery({ queryKey: ["my-receipt", electionId], queryFn: () => client.vote.voter.myReceipt.query({ electionId }), enabled: session.signedIn });
  const [answers, setAnswers] = useState<Answers>({});
  const [step, setStep] = useState<"ballot" | "review">("ballot");
  const [showProblems, setShowProblems] = useState(false);

  // Start the invisible human check as soon as the voter can vote: it is solved while they read.
  useEffect(() => {
    if (session.signedIn) void client.prepareHumanCheck().catch(() => undefined);
  }, [client, session.signedIn]);

  // How the ballot is filled in, from when a signed-in voter sees it: a weak signal for the risk layer.
  const interaction = useInteractionRecorder(session.signedIn);

  const cast = useMutation({
    mutationFn: () => client.castBallot({ electionId, ballot: toBallot(answers), idempotencyKey: castKey(electionId), interaction: interaction() }),
    onSuccess: () => void mine.refetch(),
  });

  if (election.isPending) return <p role="status">Loading the election…</p>;
  if (election.isError) return <p className="notice">{refusalMessage(refusalOf(election.error)?.reason, "This election could not be loaded. Check the address, or try again in a moment.")}</p>;
  const e = election.data;
  const problems = ballotProblems(e, answers);

  const outcome = outcomeOf(cast, mine.data);

  return (
    <>
      <p>
        <Link href="/">All elections</Link> · <Link href={`/elections/${electionId}/results`}>Live results</Link>
      </p>
      {session.signedIn ? (
        <p className="muted">
          Signed in{session.email ? ` as ${session.email}` : ""} ·{" "}
          <button type="button" className="link" onClick={() => void session.signOut()}>
            Sign out
          </button>
        </p>
      ) : null}
      <h1>{e.title}</h1>
      {e.description ? <p>{e.description}</p> : null}
      <div aria-live="polite" role="status">
        {cast.isPending ? <p className="notice">Sending your ballot securely…</p> : null}
        {outcome?.kind === "counted" ? <p className="notice ok">Your ballot was received and counted.</p> : null}
        {outcome?.kind === "under-review" ? <p className="notice">Your ballot was received and is under review. It will be counted once the review is done; keep your receipt.</p> : null}
        {outcome?.kind === "already-voted" ? <p className="notice">You have already voted in this election. {outcome.receipt ? "This is the receipt of the ballot you cast." : ""}</p> : null}
      </div>
      {outcome?.kind === "refused" ? (
        <p role="alert" className="notice bad">
          {outcome.message}
        </p>
      ) : null}
      {outcome && "receipt" in outcome && outcome.receipt ? <ReceiptView receipt={outcome.receipt} {...(outcome.kind !== "already-voted" && outcome.salt ? { salt: outcome.salt } : {})} /> : null}

      {session.loading ? null : !session.signedIn ? (
        <SignInPanel onSignedIn={() => void session.changed()} />
      ) : e.status !== "open" ? (
        <p className="notice">{refusalMessage(e.status === "closed" || e.status === "certified" ? "ELECTION_CLOSED" : "ELECTION_NOT_OPEN", "")}</p>
      ) : outcome && outcome.kind !== "refused" ? null : mine.isPending ? (
        <p role="status">Checking whether you have voted…</p>
      ) : (
        // The passkey card comes first; under a "required" policy it stands in for the ballot until a passkey is added.
        <PasskeyGate policy={e.passkeyPolicy}>
          {step === "ballot" ? (
            <form
              aria-label="Ballot"
              onSubmit={(event) => {
                event.preventDefault();
                setShowProblems(true);
                if (Object.keys(problems).length === 0) setStep("review");
              }}
            >
              <BallotForm election={e} answers={answers} onChange={setAnswers} problems={showProblems ? problems : {}} />
              <div className="actions">
                <button type="submit">Review my ballot</button>
              </div>
            </form>
          ) : (
            <BallotReview election={e} answers={answers} sending={cast.isPending} onChange={() => setStep("ballot")} onCast={() => cast.mutate()} />
          )}
        </PasskeyGate>
      )}
    </>
  );
}
