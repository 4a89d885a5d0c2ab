"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { isKnownRefusal, refusalOf } from "@landslide/api/client";
import { Alert, Button, Field, Textarea } from "@landslide/ui/components";
import { useControlApi, useLandslide } from "@landslide/ui/client";
import type { Translate } from "../../../../../i18n/english";
import { useWords } from "../../../../../i18n/use-words";

export type Decision = "release" | "void";

/**
 * Release (count) or void (never count) some held ballots, always with a reason: it goes into the
 * audit trail beside who decided and when. Repeating a decision changes nothing. The outcome is
 * told by the page (`onDecided`): the ballots decided leave this form's list, and the form with them.
 */
export function DecisionForm({
  electionId,
  voterKeys,
  what,
  onDecided,
}: {
  electionId: string;
  voterKeys: readonly string[];
  /** The ballots in words, run into the labels: "all 3 in this group", "the 2 selected". */
  what: string;
  onDecided: (outcome: string) => void;
}) {
  const client = useLandslide();
  const t = useTranslations();
  const refusalWords = useWords("refusal");
  const control = useControlApi();
  const queries = useQueryClient();
  const [reason, setReason] = useState("");
  const decide = useMutation({
    mutationFn: (decision: Decision) =>
      client.control.official.fraud[decision].mutate({ electionId, voterKeys: [...voterKeys], reason }),
    onSuccess: (result, decision) => {
      setReason("");
      onDecided(outcomeSentence(decision, result.changed, voterKeys.length, t));
      void queries.invalidateQueries(control.official.fraud.groups.queryFilter({ electionId }));
      void queries.invalidateQueries(control.official.elections.pathFilter());
    },
  });
  const tooShort = reason.trim().length < 3;
  const refusal = decide.isError ? refusalOf(decide.error) : undefined;
  return (
    // Two explicit buttons and no default: pressing Enter must not decide either way.
    <form onSubmit={(event) => event.preventDefault()} aria-label={t("decision.label", { what })}>
      <Field label={t("decision.reason", { what })} hint={t("decision.reasonHint")}>
        <Textarea
          rows={2}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          minLength={3}
          placeholder={t("decision.placeholder")}
        />
      </Field>
      <div className="actions">
        <Button
          variant="secondary"
          disabled={tooShort || decide.isPending}
          loading={decide.isPending && decide.variables === "release"}
          onClick={() => decide.mutate("release")}
        >
          {t("decision.release", { what })}
        </Button>
        <Button
          variant="danger"
          disabled={tooShort || decide.isPending}
          loading={decide.isPending && decide.variables === "void"}
          onClick={() => decide.mutate("void")}
        >
          {t("decision.void", { what })}
        </Button>
      </div>
      {decide.isError ? (
        <Alert tone="danger" title={refusal ? refusalWords(refusal.reason).label : t("decision.notSent")}>
          {refusal
            ? isKnownRefusal(refusal.reason)
              ? refusalWords(refusal.reason).help
              : refusal.message
            : t("decision.unanswered")}
        </Alert>
      ) : null}
    </form>
  );
}

/** "2 ballots voided (never counted)." or "1 ballot released (counted); 2 had already been decided." */
export function outcomeSentence(decision: Decision, changed: number, asked: number, t: Translate): string {
  return t("decision.outcome", { decision, changed, already: asked - changed });
}
