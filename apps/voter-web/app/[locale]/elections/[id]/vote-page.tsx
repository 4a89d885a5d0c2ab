"use client";

import { useMutation, type UseMutationResult, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { type LandslideClient, refusalOf } from "@landslide/api/client";
import { useLandslide, useVoteApi } from "@landslide/ui/client";
import { type Session, useSession } from "@landslide/ui/session";
import type { Translate } from "../../../../i18n/english";
import { Link } from "@landslide/ui/i18n/navigation";
import { castKey } from "../../../../lib/cast-key";
import { refusalMessage } from "../../../../lib/refusal-messages";
import type { ElectionOnPage } from "../../../../lib/election-content";
import { useShownElection } from "../../../../lib/use-shown-election";
import { useInteractionRecorder } from "../../../../lib/use-interaction-recorder";
import { SignInPanel } from "../../sign-in-panel";
import { type Answers, BallotForm, BallotProblems, ballotProblems, toBallot } from "./ballot-form";
import { BallotReview } from "./ballot-review";
import { castFailureOutcome } from "./cast-failure";
import { type BallotOrder, inBallotOrder, isDrawn, type OrderQuery } from "./ordered-options";
import { OutcomeNotices } from "./outcome-notices";
import { PasskeyGate } from "./passkey-panel";
import { type BallotStep, type Body, type CastState, votePageState } from "./vote-page-state";

type Election = ElectionOnPage;
type CastResult = Awaited<ReturnType<LandslideClient["castBallot"]>>;

/** The ballot of one election: sign in, fill it in, check it, cast it, keep the receipt. What shows when is vote-page-state.ts. */
export function VotePage({ electionId }: { electionId: string }) {
  const t = useTranslations();
  const client = useLandslide();
  const vote = useVoteApi();
  const session = useSession();
  // In the page's language where the official translated it (lib/election-content.ts).
  const election = useQuery(vote.elections.get.queryOptions({ electionId }, { select: useShownElection() }));
  const stored = useQuery(vote.voter.myReceipt.queryOptions({ electionId }, { enabled: session.signedIn }));
  // The order this voter's ballot lists the options in (ordered-options.ts): asked only of an
  // election that draws one, so an as-listed ballot costs the vote API no request for it.
  const order = useQuery(
    vote.voter.ballotOrder.queryOptions(
      { electionId },
      { enabled: session.signedIn && isDrawn(election.data?.optionOrder) },
    ),
  );
  const [answers, setAnswers] = useState<Answers>({});
  const [step, setStep] = useState<BallotStep>("fill");
  const [showProblems, setShowProblems] = useState(false);
  // Each refused review moves focus to what is missing (the alert above the questions).
  const [refusedReviews, setRefusedReviews] = useState(0);
  const problemsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refusedReviews > 0) problemsRef.current?.focus();
  }, [refusedReviews]);

  // Start the invisible human check as soon as the voter can vote: it is solved while they read.
  useEffect(() => {
    if (session.signedIn) void client.prepareHumanCheck().catch(() => undefined);
  }, [client, session.signedIn]);

  // How the ballot is filled in, from when a signed-in voter sees it: a weak signal for the risk layer.
  const interaction = useInteractionRecorder(session.signedIn);

  const cast = useMutation({
    mutationFn: () =>
      client.castBallot({
        electionId,
        ballot: toBallot(answers),
        idempotencyKey: castKey(electionId),
        interaction: interaction(),
      }),
    onSuccess: () => void stored.refetch(),
  });

  const state = votePageState(
    {
      election: election.isPending
        ? { status: "pending" }
        : election.isError
          ? { status: "error", reason: refusalOf(election.error)?.reason }
          : { status: "success", data: election.data },
      session,
      stored: { pending: stored.isPending, data: stored.data },
      order: orderQuery(order),
      cast: castState(cast, t),
      step,
    },
    t,
  );

  switch (state.kind) {
    case "loading":
      return <p role="status">{t("vote.loading")}</p>;
    case "unavailable":
      return (
        <>
          <h1>{state.reason === "ELECTION_NOT_FOUND" ? t("vote.notFound") : t("vote.cannotShow")}</h1>
          <p className="notice bad" role="alert">
            {refusalMessage(state.reason, t("vote.loadFailed"), t)}
          </p>
          <p>
            <Link href="/">{t("vote.seeAllElections")}</Link>
          </p>
        </>
      );
    case "election":
      return (
        <>
          <ElectionHeader electionId={electionId} election={state.election} session={session} t={t} />
          <OutcomeNotices sending={state.sending} outcome={state.outcome} questions={state.election.questions} />
          {body(state.election, state.body, state.sending)}
        </>
      );
  }

  function body(e: Election, shown: Body, sending: boolean) {
    switch (shown.kind) {
      case "session-loading":
      case "voted":
        return null;
      case "signed-out":
        // Signed in, a voter who took part sees their receipt; the sign-in form alone would
        // suggest that voting is still possible.
        return (
          <>
            {e.status !== "open" ? (
              <p className="notice">
                {refusalMessage(
                  e.status === "closed" || e.status === "certified" ? "ELECTION_CLOSED" : "ELECTION_NOT_OPEN",
                  "",
                  t,
                )}{" "}
                {t("vote.signInToSee")}
              </p>
            ) : null}
            <SignInPanel onSignedIn={() => void session.changed()} />
          </>
        );
      case "not-open":
        return <p className="notice">{refusalMessage(shown.reason, "", t)}</p>;
      case "checking-vote":
        return <p role="status">{t("vote.checkingVote")}</p>;
      case "order-failed":
        return (
          <>
            <p className="notice bad" role="alert">
              {t("vote.orderFailed")}
            </p>
            <div className="actions">
              <button
                type="button"
                onClick={() => {
                  if (!order.isFetching) void order.refetch();
                }}
                aria-disabled={order.isFetching}
                aria-busy={order.isFetching}
              >
                {t("vote.tryAgain")}
              </button>
            </div>
          </>
        );
      case "ballot": {
        // Each question's options in this voter's order: in the form, its problems and its review alike.
        const ordered = inBallotOrder(e, shown.order);
        const problems = ballotProblems(ordered, answers, t);
        // The passkey card comes first; under a "required" policy it stands in for the ballot until a passkey is added.
        return (
          <PasskeyGate policy={e.passkeyPolicy}>
            {shown.step === "fill" ? (
              <form
                aria-label={t("vote.ballotLabel")}
                onSubmit={(event) => {
                  event.preventDefault();
                  setShowProblems(true);
                  if (Object.keys(problems).length === 0) setStep("review");
                  else setRefusedReviews((n) => n + 1);
                }}
              >
                {showProblems ? <BallotProblems election={ordered} problems={problems} ref={problemsRef} /> : null}
                <BallotForm
                  election={ordered}
                  answers={answers}
                  onChange={setAnswers}
                  problems={showProblems ? problems : {}}
                />
                <div className="actions">
                  <button type="submit">{t("vote.reviewBallot")}</button>
                </div>
              </form>
            ) : (
              <BallotReview
                election={ordered}
                answers={answers}
                sending={sending}
                onChange={() => setStep("fill")}
                onCast={() => cast.mutate()}
              />
            )}
          </PasskeyGate>
        );
      }
    }
  }
}

/** The order query as the page state reads it (vote-page-state.ts); a failed retry stays failed. */
function orderQuery(order: {
  readonly status: "pending" | "error" | "success";
  readonly data: BallotOrder | null | undefined;
}): OrderQuery {
  return order.status === "success" ? { status: "success", data: order.data ?? null } : { status: order.status };
}

function castState(cast: UseMutationResult<CastResult, Error, void>, t: Translate): CastState {
  switch (cast.status) {
    case "success":
      return { status: "success", result: cast.data };
    case "error":
      return { status: "error", failure: castFailureOutcome(cast.error, t) };
    default:
      return { status: cast.status };
  }
}

function ElectionHeader({
  electionId,
  election,
  session,
  t,
}: {
  electionId: string;
  election: Election;
  session: Session;
  t: Translate;
}) {
  return (
    <>
      <p>
        <Link href="/">{t("vote.allElections")}</Link> ·{" "}
        <Link href={`/elections/${electionId}/results`}>{t("vote.liveResults")}</Link>
      </p>
      {session.signedIn ? (
        <p className="muted">
          {session.email
            ? t.rich("vote.signedInAs", { email: session.email, address: (chunks) => <bdi>{chunks}</bdi> })
            : t("vote.signedIn")}{" "}
          ·{" "}
          <button type="button" className="link" onClick={() => void session.signOut()}>
            {t("vote.signOut")}
          </button>
        </p>
      ) : null}
      <h1>
        <bdi lang={election.titleLang}>{election.title}</bdi>
      </h1>
      {election.description ? (
        <p>
          <bdi lang={election.descriptionLang}>{election.description}</bdi>
        </p>
      ) : null}
    </>
  );
}
