"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useLandslide } from "@landslide/ui/client";
import { Button } from "@landslide/ui/components";
import { OutcomeNotices } from "./outcome-notices";
import { type LifecycleAction, lifecycleActions } from "./lifecycle-actions";
import { nextStep } from "./next-step";
import { type OfficialElection, useElectionChanged } from "./official-election";
import { ConfirmWithReason } from "./reason-form";
import { useDateLocale } from "../../../../i18n/use-date-locale";

const FORM_ID = "lifecycle-confirm";

/**
 * The overview's next step while it is a lifecycle move (open, pause, resume, close): the first
 * action is the primary one; each asks why in an inline form before anything is sent.
 */
export function LifecyclePanel({ election }: { election: OfficialElection }) {
  const t = useTranslations();
  const locale = useDateLocale();
  const move = useMoveElection(election.id);
  const [choice, setChoice] = useState<LifecycleAction>();
  const [done, setDone] = useState<string>();
  const actions = lifecycleActions(election.storedStatus, election.status);
  // The status can move under an open form (its schedule, another official): the form then closes.
  const chosen = actions.find((action) => action.id === choice?.id);

  const choose = (action: LifecycleAction) => {
    move.reset();
    setDone(undefined);
    setChoice(action);
  };
  const confirm = (action: LifecycleAction, reason: string) =>
    move.mutate(
      { steps: action.steps, reason },
      {
        onSuccess: () => {
          setChoice(undefined);
          setDone(t(`lifecycle.${action.words}.done`));
        },
      },
    );

  return (
    <section aria-labelledby="lifecycle-heading">
      <h2 id="lifecycle-heading">{t("lifecycle.heading")}</h2>
      <p>{nextStep(election, t, { locale }).sentence}</p>
      {actions.length > 0 ? (
        <div className="actions">
          {actions.map((action, index) => (
            <Button
              key={action.id}
              variant={index === 0 ? "primary" : "secondary"}
              aria-expanded={chosen?.id === action.id}
              aria-controls={chosen?.id === action.id ? FORM_ID : undefined}
              onClick={() => choose(action)}
            >
              {t(`lifecycle.${action.words}.label`)}
            </Button>
          ))}
        </div>
      ) : null}
      {chosen ? (
        <div className="card" style={{ marginTop: "1rem" }}>
          <ConfirmWithReason
            key={chosen.id}
            id={FORM_ID}
            reasonLabel={t(`lifecycle.${chosen.words}.reasonLabel`)}
            confirmLabel={t(`lifecycle.${chosen.words}.confirmLabel`)}
            pending={move.isPending}
            autoFocus
            onConfirm={(reason) => confirm(chosen, reason)}
            onCancel={() => setChoice(undefined)}
          />
        </div>
      ) : null}
      <OutcomeNotices
        error={move.isError ? move.error : undefined}
        unanswered={t("lifecycle.unanswered")}
        done={done}
      />
    </section>
  );
}

/** Sends the transitions in order; the election, the list, the dashboard and the audit trail change with it. */
function useMoveElection(electionId: string) {
  const client = useLandslide();
  const electionChanged = useElectionChanged();
  return useMutation({
    mutationFn: async ({ steps, reason }: { steps: LifecycleAction["steps"]; reason: string }) => {
      for (const to of steps) await client.control.official.elections.transition.mutate({ electionId, to, reason });
    },
    // Settled, not only succeeded: a two-step pause may stop half way, and the page must show where.
    onSettled: () => electionChanged(electionId),
  });
}
