"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useControlApi } from "@landslide/ui/client";
import { Alert, Button, EmptyState } from "@landslide/ui/components";
import { RunoffRounds } from "@landslide/ui/live-results";
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

/** The recount and certification tab: only once voting has ended, since there is nothing final to count before. */
export function CertificationPanel() {
  const { election, live, recount } = useElection();
  if (!votingEnded(election.status)) {
    return (
      <EmptyState
        headingLevel={2}
        title="Certification comes after voting closes"
        body="Close the election first, on the overview; then recount the stored votes and certify the result here."
        action={<Link href={`/elections/${election.id}`}>Back to the overview</Link>}
      />
    );
  }
  const snapshot = live.snapshot.data;
  const runRecount = () => recount.run.mutate({ version: snapshot?.version, storedStatus: election.storedStatus });
  const tallyMoved = recount.latest && snapshot && recount.latest.basis.version !== snapshot.version;
  return (
    <>
      <section aria-labelledby="recount-heading">
        <h2 id="recount-heading">Recount</h2>
        <p>
          A recount reads every stored vote and counts it again with the rules of the live tally; any difference means a
          vote was lost or counted twice.
        </p>
        <Button variant={recount.latest ? "secondary" : "primary"} onClick={runRecount} loading={recount.run.isPending}>
          {recount.run.isPending ? "Recounting…" : recount.latest ? "Run the recount again" : "Run recount"}
        </Button>
        {recount.run.isError ? (
          <Alert tone="danger" title="The recount did not run">
            {failureMessage(recount.run.error, "The control API did not answer. Try again.")}
          </Alert>
        ) : null}
        {recount.latest ? (
          <>
            <RecountSummary run={recount.latest} ballot={election} />
            {tallyMoved ? (
              <Alert tone="warning" title="The live tally has moved since this recount">
                The Live column shows it as it is now. Run the recount again.
              </Alert>
            ) : null}
            <RecountComparison ballot={election} recount={recount.latest.result} snapshot={snapshot} />
          </>
        ) : null}
      </section>
      {election.status === "certified" ? (
        <section aria-labelledby="certify-heading">
          <h2 id="certify-heading">Certification</h2>
          <CertifiedNotice electionId={election.id} />
        </section>
      ) : (
        <CertifyForm election={election} live={live} latest={recount.latest} />
      )}
    </>
  );
}

function RecountSummary({ run, ballot }: { run: RecountRun; ballot: OfficialElection }) {
  const { votesRead, rejected, differences, instantRunoff } = run.result;
  const ranked = ballot.questions.filter((q) => instantRunoff[q.id]);
  return (
    <div role="status">
      <p>
        The recount of {formatClock(run.at.getTime())} read {votesRead.toLocaleString("en")} stored{" "}
        {votesRead === 1 ? "vote" : "votes"}:{" "}
        {differences.length === 0 ? (
          <strong className="ok">equal to the live tally.</strong>
        ) : (
          <strong className="bad">
            different from the live tally on {differences.length} {differences.length === 1 ? "counter" : "counters"}.
          </strong>
        )}
      </p>
      {rejected > 0 ? (
        <Alert tone="danger" live="none" title="Stored rows left out">
          {rejected.toLocaleString("en")} stored {rejected === 1 ? "row was" : "rows were"} left out because the vote
          API never signed {rejected === 1 ? "it" : "them"}: someone wrote to the votes table directly. Tell your
          security team; these rows are never counted.
        </Alert>
      ) : null}
      {ranked.map((q) => (
        <RunoffRounds key={q.id} prompt={q.prompt} options={q.options} count={instantRunoff[q.id]!} headingLevel={3} />
      ))}
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
  const blockers = certifyBlockers({ election, recount: latest, tallyVersion: snapshot?.version, heldWaiting });
  const reasonWrong = reasonProblem(reason);
  const start = () => {
    setTried(true);
    if (blockers.length === 0 && !reasonWrong) setConfirming(true);
  };
  const send = async () => {
    try {
      await certify.mutateAsync({ electionId: election.id, to: "certified", reason: reason.trim() });
    } catch (error) {
      throw new Error(
        failureMessage(error, "The control API did not answer; the result may not be certified. Check the status."),
        { cause: error },
      );
    }
  };
  return (
    <section aria-labelledby="certify-heading">
      <h2 id="certify-heading">Certify</h2>
      <p>Certifying makes this result final: nothing can change it afterwards. You confirm it in the next step.</p>
      {blockers.length > 0 ? (
        <div id={BLOCKERS_ID}>
          <Alert tone="warning" live="none" title="Not yet:">
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
        label="Why certify this result?"
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
        Certify…
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
