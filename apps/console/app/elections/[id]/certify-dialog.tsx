"use client";

import { useState } from "react";
import { Alert, Checkbox, ConfirmDialog } from "@landslide/ui/components";
import { RunoffRounds, votesWord } from "@landslide/ui/live-results";
import { formatClock } from "./local-time";
import type { OfficialElection } from "./official-election";
import { type QuestionRestatement, restateResult } from "./result-restatement";
import type { RecountRun } from "./use-recount";

/**
 * The last step before an irreversible act: the result restated from the recount, question by
 * question, every tie named with how it was broken or that nothing broke it, and the election's
 * title to type. A tie nothing breaks must be acknowledged in so many words before confirming.
 */
export function CertifyDialog({
  election,
  recount,
  open,
  onOpenChange,
  onCertify,
}: {
  election: OfficialElection;
  recount: RecountRun;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Sends the certification; rejects with a message to show in the dialog. */
  onCertify: () => Promise<void>;
}) {
  const restated = restateResult(election, recount.result);
  const ties = restated.unresolvedTies;
  const [acknowledged, setAcknowledged] = useState(false);
  const confirm = async () => {
    // ConfirmDialog gates only on the typed title; the tie's acknowledgement is checked here.
    if (ties.length > 0 && !acknowledged)
      throw new Error(`Tick the box to say you have seen the ${ties.length === 1 ? "tie" : "ties"} first.`);
    await onCertify();
  };
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => {
        if (!next) setAcknowledged(false);
        onOpenChange(next);
      }}
      title={`Certify “${election.title}”?`}
      confirmLabel="Certify this result"
      tone="danger"
      confirmText={election.title}
      onConfirm={confirm}
      body={
        <>
          <p>
            Certifying makes this result final: nothing can change it afterwards. It is the recount of{" "}
            {formatClock(recount.at.getTime())}: {restated.turnout.toLocaleString("en")}{" "}
            {restated.turnout === 1 ? "ballot" : "ballots"} counted.
          </p>
          {ties.length > 0 ? (
            <Alert
              tone="danger"
              live="none"
              title={ties.length === 1 ? "One question is tied" : `${ties.length} questions are tied`}
            >
              <ul>
                {ties.map((q) => (
                  <li key={q.id}>
                    <strong>{q.prompt}</strong> {q.sentence} No rule of this platform breaks this tie: certifying
                    records it as a tie, and deciding it (as the election&apos;s rules or the law say) is for the
                    election office.
                  </li>
                ))}
              </ul>
              <Checkbox
                label={`I have seen that ${ties.length === 1 ? "this question is tied" : "these questions are tied"} and that certifying does not break ${ties.length === 1 ? "the tie" : "the ties"}`}
                checked={acknowledged}
                onCheckedChange={setAcknowledged}
              />
            </Alert>
          ) : null}
          {restated.questions.map((q) => (
            <QuestionOutcome key={q.id} question={q} election={election} recount={recount} />
          ))}
        </>
      }
    />
  );
}

function QuestionOutcome({
  question: q,
  election,
  recount,
}: {
  question: QuestionRestatement;
  election: OfficialElection;
  recount: RecountRun;
}) {
  const irv = recount.result.instantRunoff[q.id];
  const options = election.questions.find((e) => e.id === q.id)?.options ?? [];
  return (
    <section aria-label={q.prompt} style={{ borderTop: "1px solid var(--ls-color-line, #ddd)", paddingTop: "0.5rem" }}>
      <h3 style={{ margin: "0 0 0.25rem", fontSize: "1rem" }}>{q.prompt}</h3>
      <p style={{ margin: "0 0 0.25rem" }}>
        <strong>{q.sentence}</strong>
      </p>
      <ul style={{ margin: "0 0 0.5rem" }}>
        {q.options.map((o) => (
          <li key={o.id}>
            {o.label}: {votesWord(o.votes)} ({o.share}
            {q.kind === "ranked" ? " of first preferences" : ""})
          </li>
        ))}
        {q.abstentions > 0 ? <li>Abstained: {q.abstentions.toLocaleString("en")}</li> : null}
      </ul>
      {q.outcome.kind === "runoff" && q.outcome.tieBreaks.length > 0 ? (
        <>
          <p style={{ margin: "0 0 0.25rem" }}>How each tie was broken:</p>
          <ul style={{ margin: "0 0 0.5rem" }}>
            {q.outcome.tieBreaks.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </>
      ) : null}
      {irv && irv.rounds.length > 1 ? (
        <details>
          <summary>Every round of the instant runoff</summary>
          <RunoffRounds prompt={q.prompt} options={options} count={irv} headingLevel={4} />
        </details>
      ) : null}
    </section>
  );
}
