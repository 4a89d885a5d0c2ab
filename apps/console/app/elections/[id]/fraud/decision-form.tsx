"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { countOf, isKnownRefusal, refusalOf, refusalWords } from "@landslide/api/client";
import { Alert, Button, Field, Textarea } from "@landslide/ui/components";
import { useControlApi, useLandslide } from "@landslide/ui/client";

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
  const control = useControlApi();
  const queries = useQueryClient();
  const [reason, setReason] = useState("");
  const decide = useMutation({
    mutationFn: (decision: Decision) =>
      client.control.official.fraud[decision].mutate({ electionId, voterKeys: [...voterKeys], reason }),
    onSuccess: (result, decision) => {
      setReason("");
      onDecided(outcomeSentence(decision, result.changed, voterKeys.length));
      void queries.invalidateQueries(control.official.fraud.groups.queryFilter({ electionId }));
      void queries.invalidateQueries(control.official.elections.pathFilter());
    },
  });
  const tooShort = reason.trim().length < 3;
  const refusal = decide.isError ? refusalOf(decide.error) : undefined;
  return (
    // Two explicit buttons and no default: pressing Enter must not decide either way.
    <form onSubmit={(event) => event.preventDefault()} aria-label={`Decide ${what}`}>
      <Field
        label={`Reason for deciding ${what}`}
        hint="At least 3 characters. Kept in the audit trail with your name and the time."
      >
        <Textarea
          rows={2}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          minLength={3}
          placeholder="e.g. five accounts on one device"
        />
      </Field>
      <div className="actions">
        <Button
          variant="secondary"
          disabled={tooShort || decide.isPending}
          loading={decide.isPending && decide.variables === "release"}
          onClick={() => decide.mutate("release")}
        >
          Release {what} (count)
        </Button>
        <Button
          variant="danger"
          disabled={tooShort || decide.isPending}
          loading={decide.isPending && decide.variables === "void"}
          onClick={() => decide.mutate("void")}
        >
          Void {what} (never count)
        </Button>
      </div>
      {decide.isError ? (
        <Alert tone="danger" title={refusal ? refusalWords(refusal.reason).label : "The decision was not sent"}>
          {refusal
            ? isKnownRefusal(refusal.reason)
              ? refusalWords(refusal.reason).help
              : refusal.message
            : "The control API did not answer. Nothing was decided; try again."}
        </Alert>
      ) : null}
    </form>
  );
}

/** "2 ballots voided." or "1 ballot released; 2 had already been decided." */
export function outcomeSentence(decision: Decision, changed: number, asked: number): string {
  const done = `${countOf(changed, "ballot")} ${decision === "release" ? "released (counted)" : "voided (never counted)"}`;
  const already = asked - changed;
  return already > 0 ? `${done}; ${already} had already been decided.` : `${done}.`;
}
