"use client";

import { useMutation } from "@tanstack/react-query";
import { useControlApi } from "@landslide/ui/client";
import { certifyBlockers } from "./certification-rules";
import { failureMessage } from "./failure-message";
import { formatClock } from "./local-time";
import { type OfficialElection, useElectionChanged, useElectionDashboard } from "./official-election";
import { ConfirmWithReason } from "./reason-form";
import { RecountComparison } from "./recount-comparison";
import type { LiveFeed } from "./use-live-feed";
import type { RecountRun, RecountState } from "./use-recount";

/** Recount every stored vote, compare it with the live tally, and certify when nothing stands in the way. */
export function CertificationPanel({
  election,
  live,
  recount,
}: {
  election: OfficialElection;
  live: LiveFeed;
  recount: RecountState;
}) {
  const snapshot = live.snapshot.data;
  const runRecount = () => recount.run.mutate({ version: snapshot?.version, storedStatus: election.storedStatus });
  const tallyMoved = recount.latest && snapshot && recount.latest.basis.version !== snapshot.version;
  return (
    <section aria-labelledby="certification-heading">
      <h2 id="certification-heading">Recount and certification</h2>
      <p>
        A recount reads every stored vote and counts it again with the rules of the live tally; any difference means a
        vote was lost or counted twice.
      </p>
      <button type="button" onClick={runRecount} disabled={recount.run.isPending}>
        {recount.run.isPending ? "Recounting…" : "Run recount"}
      </button>
      {recount.run.isError ? (
        <p className="notice" role="alert">
          {failureMessage(recount.run.error, "The control API did not answer; the recount did not run. Try again.")}
        </p>
      ) : null}
      {recount.latest ? (
        <>
          <RecountSummary run={recount.latest} ballot={election} />
          {tallyMoved ? (
            <p className="notice">
              The live tally has moved since this recount; the Live column shows it as it is now. Run the recount again.
            </p>
          ) : null}
          <RecountComparison ballot={election} recount={recount.latest.result} snapshot={snapshot} />
        </>
      ) : null}
      {election.status === "certified" ? (
        <p className="notice ok" role="status">
          This result is certified.
        </p>
      ) : (
        <CertifyForm election={election} live={live} latest={recount.latest} />
      )}
    </section>
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
        <p className="bad">
          {rejected.toLocaleString("en")} stored {rejected === 1 ? "row was" : "rows were"} left out because the vote
          API never signed {rejected === 1 ? "it" : "them"}: someone wrote to the votes table directly. Tell your
          security team; these rows are never counted.
        </p>
      ) : null}
      {ranked.length > 0 ? (
        <ul>
          {ranked.map((q) => {
            const count = instantRunoff[q.id]!;
            const winner = q.options.find((o) => o.id === count.winner)?.label;
            return (
              <li key={q.id}>
                {q.prompt}:{" "}
                {winner
                  ? `elected by instant runoff, ${winner}, after ${count.rounds.length} ${count.rounds.length === 1 ? "round" : "rounds"}`
                  : "no ballot ranks anyone"}
                .
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

const BLOCKERS_ID = "certify-blockers";

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
  const snapshot = live.snapshot.data;
  // Two sources for ballots still held: the dashboard's cases (it reads at most 500 of them) and
  // the tally's own held counter (exact). Either being non-zero is enough to wait.
  const heldWaiting = dashboard.data
    ? Math.max(dashboard.data.casesByState.quarantined, snapshot?.quarantined ?? 0)
    : undefined;
  const blockers = certifyBlockers({ election, recount: latest, tallyVersion: snapshot?.version, heldWaiting });
  return (
    <section aria-labelledby="certify-heading">
      <h3 id="certify-heading">Certify</h3>
      <p>Certifying makes this result final: nothing can change it afterwards.</p>
      {blockers.length > 0 ? (
        <div id={BLOCKERS_ID} className="notice">
          <p style={{ margin: 0 }}>Not yet:</p>
          <ul style={{ margin: 0 }}>
            {blockers.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ConfirmWithReason
        id="certify"
        reasonLabel="Why certify this result?"
        confirmLabel="Certify"
        pending={certify.isPending}
        disabled={blockers.length > 0}
        confirmDescribedBy={blockers.length > 0 ? BLOCKERS_ID : undefined}
        onConfirm={(reason) => certify.mutate({ electionId: election.id, to: "certified", reason })}
      />
      {certify.isError ? (
        <p className="notice" role="alert">
          {failureMessage(
            certify.error,
            "The control API did not answer; the result may not be certified. Check the status above.",
          )}
        </p>
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
