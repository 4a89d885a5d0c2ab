"use client";

import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Alert, Checkbox, ConfirmDialog } from "@landslide/ui/components";
import { MethodCountView, RunoffRounds, votesWord } from "@landslide/ui/live-results";
import { useUiText } from "@landslide/ui/ui-text";
import { useDateLocale } from "../../../../i18n/use-date-locale";
import { formatClock } from "./local-time";
import type { OfficialElection } from "./official-election";
import { type OptionLine, type QuestionRestatement, restateResult } from "./result-restatement";
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
  const text = useUiText();
  const t = useTranslations();
  const dateLocale = useDateLocale();
  const restated = restateResult(election, recount.result, text, t);
  const ties = restated.unresolvedTies;
  const [acknowledged, setAcknowledged] = useState(false);
  const confirm = async () => {
    // ConfirmDialog gates only on the typed title; the tie's acknowledgement is checked here.
    if (ties.length > 0 && !acknowledged) throw new Error(t("certifyDialog.tickFirst", { count: ties.length }));
    await onCertify();
  };
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => {
        if (!next) setAcknowledged(false);
        onOpenChange(next);
      }}
      title={t("certifyDialog.title", { title: election.title })}
      confirmLabel={t("certifyDialog.confirm")}
      cancelLabel={t("reason.cancel")}
      tone="danger"
      confirmText={election.title}
      onConfirm={confirm}
      body={
        <>
          <p>
            {t("certifyDialog.intro", {
              time: formatClock(recount.at.getTime(), dateLocale),
              count: restated.turnout,
            })}
          </p>
          {ties.length > 0 ? (
            <Alert tone="danger" live="none" title={t("certifyDialog.tiedTitle", { count: ties.length })}>
              <ul>
                {ties.map((q) => (
                  <li key={q.id}>
                    <strong>
                      <bdi>{q.prompt}</bdi>
                    </strong>{" "}
                    {q.sentence} {t("certifyDialog.tieNotBroken")}
                  </li>
                ))}
              </ul>
              <Checkbox
                label={t("certifyDialog.acknowledge", { count: ties.length })}
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
  const t = useTranslations("certifyDialog");
  const text = useUiText();
  const format = useFormatter();
  const irv = recount.result.instantRunoff[q.id];
  const byMethod = recount.result.counts[q.id];
  const options = election.questions.find((e) => e.id === q.id)?.options ?? [];
  const line = (o: OptionLine) => {
    if (!q.scoreRange)
      return t(q.kind === "ranked" ? "optionRanked" : "option", {
        option: o.label,
        votes: votesWord(o.votes, text),
        share: o.share,
      });
    // A total score is no count of votes, and its share of all points says little: its average does.
    const total = format.number(o.votes);
    return o.average === undefined
      ? t("optionScoredTotal", { option: o.label, total })
      : t("optionScored", { option: o.label, total, average: o.average, max: format.number(q.scoreRange.max) });
  };
  return (
    <section aria-label={q.prompt} style={{ borderTop: "1px solid var(--ls-color-line, #ddd)", paddingTop: "0.5rem" }}>
      <h3 style={{ margin: "0 0 0.25rem", fontSize: "1rem" }}>
        <bdi>{q.prompt}</bdi>
      </h3>
      <p style={{ margin: "0 0 0.25rem" }}>
        <strong>{q.sentence}</strong>
      </p>
      <ul style={{ margin: "0 0 0.5rem" }}>
        {q.options.map((o) => (
          <li key={o.id}>{line(o)}</li>
        ))}
        {q.abstentions > 0 ? <li>{t("abstained", { count: format.number(q.abstentions) })}</li> : null}
      </ul>
      {(q.outcome.kind === "runoff" || q.outcome.kind === "elected") && q.outcome.tieBreaks.length > 0 ? (
        <>
          <p style={{ margin: "0 0 0.25rem" }}>{t("howTiesBroken")}</p>
          <ul style={{ margin: "0 0 0.5rem" }}>
            {q.outcome.tieBreaks.map((tie) => (
              <li key={tie}>{tie}</li>
            ))}
          </ul>
        </>
      ) : null}
      {byMethod && q.outcome.kind === "elected" ? (
        <details>
          <summary>{t("everyRoundOfCount")}</summary>
          <MethodCountView prompt={q.prompt} options={options} count={byMethod} headingLevel={4} />
        </details>
      ) : irv && irv.rounds.length > 1 ? (
        <details>
          <summary>{t("everyRound")}</summary>
          <RunoffRounds prompt={q.prompt} options={options} count={irv} headingLevel={4} />
        </details>
      ) : null}
    </section>
  );
}
