"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useControlApi } from "@landslide/ui/client";
import { Alert, Button, EmptyState } from "@landslide/ui/components";
import { Link } from "@landslide/ui/i18n/navigation";
import { MethodCountView, needsMethodView, RunoffRounds } from "@landslide/ui/live-results";
import { certifyBlockers } from "./certification-rules";
import { CertifiedNotice } from "./certified-notice";
import { CertifyDialog } from "./certify-dialog";
import { useElection } from "./election-context";
import { votingEnded } from "./election-tabs";
import { failureMessage } from "./failure-message";
import { formatClock } from "./local-time";
import { type OfficialElection, useElectionChanged, useElectionDashboard } from "./official-election";
import { ReasonField, reasonProblem } from "./reason-form";
import { RecountComparison } from "./recount-comparison";
import type { LiveFeed } from "./use-live-feed";
import type { RecountRun } from "./use-recount";
import { useDateLocale } from "../../../../i18n/use-date-locale";

/** The recount and certification tab: only once voting has ended, since there is nothing final to count before. */
export function CertificationPanel() {
  const { election, live, recount } = useElection();
  const t = useTranslations();
  if (!votingEnded(election.status)) {
    return (
      <EmptyState
        headingLevel={2}
        title={t("certification.tooEarlyTitle")}
        body={t("certification.tooEarly")}
        action={<Link href={`/elections/${election.id}`}>{t("certification.backToOverview")}</Link>}
      />
    );
  }
  const snapshot = live.snapshot.data;
  const runRecount = () => recount.run.mutate({ version: snapshot?.version, storedStatus: election.storedStatus });
  const tallyMoved = recount.latest && snapshot && recount.latest.basis.version !== snapshot.version;
  // A recount is measured against the live tally it was asked beside: one asked before the tally
  // has loaded can never certify, so the button waits for it (but not for a tally that failed).
  const tallyLoading = live.snapshot.isPending;
  const busy = recount.run.isPending || tallyLoading;
  return (
    <>
      <section aria-labelledby="recount-heading">
        <h2 id="recount-heading">{t("certification.recountHeading")}</h2>
        <p>{t("certification.recountIntro")}</p>
        <Button variant={recount.latest ? "secondary" : "primary"} onClick={runRecount} loading={busy}>
          {recount.run.isPending
            ? t("certification.recounting")
            : tallyLoading
              ? t("certification.loadingTally")
              : recount.latest
                ? t("certification.recountAgain")
                : t("certification.recount")}
        </Button>
        {recount.run.isError ? (
          <Alert tone="danger" title={t("certification.recountFailed")}>
            {failureMessage(recount.run.error, t("certification.unansweredTryAgain"), t)}
          </Alert>
        ) : null}
        {recount.latest ? (
          <>
            <RecountSummary run={recount.latest} ballot={election} />
            {tallyMoved ? (
              <Alert tone="warning" title={t("certification.tallyMovedTitle")}>
                {t("certification.tallyMoved")}
              </Alert>
            ) : null}
            <RecountComparison ballot={election} recount={recount.latest.result} snapshot={snapshot} />
          </>
        ) : null}
      </section>
      {election.status === "certified" ? (
        <section aria-labelledby="certify-heading">
          <h2 id="certify-heading">{t("certification.certificationHeading")}</h2>
          <CertifiedNotice electionId={election.id} />
        </section>
      ) : (
        <CertifyForm election={election} live={live} latest={recount.latest} />
      )}
    </>
  );
}

function RecountSummary({ run, ballot }: { run: RecountRun; ballot: OfficialElection }) {
  const t = useTranslations("certification");
  const locale = useDateLocale();
  const { votesRead, rejected, differences, instantRunoff, counts } = run.result;
  // Counted by another method or for several seats: that count; otherwise a ranked question's runoff, as before.
  const byMethod = (id: string) => {
    const count = counts[id];
    return count && needsMethodView(count) ? count : undefined;
  };
  const shown = ballot.questions.filter((q) => byMethod(q.id) ?? instantRunoff[q.id]);
  return (
    <div role="status">
      <p>
        {t("recountRead", { time: formatClock(run.at.getTime(), locale), count: votesRead })}{" "}
        {differences.length === 0 ? (
          <strong className="ok">{t("recountEqual")}</strong>
        ) : (
          <strong className="bad">{t("recountDiffers", { count: differences.length })}</strong>
        )}
      </p>
      {rejected > 0 ? (
        <Alert tone="danger" live="none" title={t("rejectedTitle")}>
          {t("rejected", { count: rejected })}
        </Alert>
      ) : null}
      {shown.map((q) => {
        const count = byMethod(q.id);
        return count ? (
          <MethodCountView key={q.id} prompt={q.prompt} options={q.options} count={count} headingLevel={3} />
        ) : (
          <RunoffRounds
            key={q.id}
            prompt={q.prompt}
            options={q.options}
            count={instantRunoff[q.id]!}
            headingLevel={3}
          />
        );
      })}
    </div>
  );
}

const BLOCKERS_ID = "certify-blockers";

/**
 * Why to certify (kept in the audit trail), what still stands in the way, and the button that
 * opens the confirmation: certifying is irreversible, so one click never does it.
 */
function CertifyForm({
  election,
  live,
  latest,
}: {
  election: OfficialElection;
  live: LiveFeed;
  latest: RecountRun | undefined;
}) {
  const t = useTranslations();
  const dashboard = useElectionDashboard(election.id);
  const certify = useCertify(election.id);
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const snapshot = live.snapshot.data;
  // Two sources for ballots still held: the dashboard's cases (it reads at most 500 of them) and
  // the tally's own held counter (exact). Either being non-zero is enough to wait.
  const heldWaiting = dashboard.data
    ? Math.max(dashboard.data.casesByState.quarantined, snapshot?.quarantined ?? 0)
    : undefined;
  const blockers = certifyBlockers({ election, recount: latest, tallyVersion: snapshot?.version, heldWaiting }, t);
  const reasonWrong = reasonProblem(reason, t);
  const start = () => {
    setTried(true);
    if (blockers.length === 0 && !reasonWrong) setConfirming(true);
  };
  const send = async () => {
    try {
      await certify.mutateAsync({ electionId: election.id, to: "certified", reason: reason.trim() });
    } catch (error) {
      throw new Error(failureMessage(error, t("certification.certifyUnanswered"), t), { cause: error });
    }
  };
  return (
    <section aria-labelledby="certify-heading">
      <h2 id="certify-heading">{t("certification.certifyHeading")}</h2>
      <p>{t("certification.certifyIntro")}</p>
      {blockers.length > 0 ? (
        <div id={BLOCKERS_ID}>
          <Alert tone="warning" live="none" title={t("certification.notYet")}>
            <ul style={{ margin: 0 }}>
              {blockers.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          </Alert>
        </div>
      ) : null}
      <ReasonField
        id="certify-reason"
        label={t("certification.why")}
        value={reason}
        onChange={setReason}
        problem={tried ? reasonWrong : undefined}
      />
      <Button
        variant="primary"
        disabled={blockers.length > 0}
        aria-describedby={blockers.length > 0 ? BLOCKERS_ID : undefined}
        aria-haspopup="dialog"
        onClick={start}
      >
        {t("certification.certify")}
      </Button>
      {latest ? (
        <CertifyDialog
          election={election}
          recount={latest}
          open={confirming}
          onOpenChange={setConfirming}
          onCertify={send}
        />
      ) : null}
    </section>
  );
}

function useCertify(electionId: string) {
  const control = useControlApi();
  const electionChanged = useElectionChanged();
  // Settled: a refusal may mean someone else changed the election meanwhile.
  return useMutation(
    control.official.elections.transition.mutationOptions({ onSettled: () => electionChanged(electionId) }),
  );
}
