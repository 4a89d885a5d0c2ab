"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { refusalOf } from "@landslide/api/client";
import { useControlApi, useLandslide } from "@landslide/ui/client";

/**
 * Release (count) or void (never count) some held ballots, always with a reason: it goes into the
 * audit trail beside who decided and when. Repeating a decision changes nothing.
 */
export function DecisionForm({
  electionId,
  voterKeys,
  what,
}: {
  electionId: string;
  voterKeys: readonly string[];
  what: string;
}) {
  const client = useLandslide();
  const control = useControlApi();
  const queries = useQueryClient();
  const reasonId = useId();
  const [reason, setReason] = useState("");
  const decide = useMutation({
    mutationFn: (input: { decision: "release" | "void"; reason: string }) =>
      client.control.official.fraud[input.decision].mutate({
        electionId,
        voterKeys: [...voterKeys],
        reason: input.reason,
      }),
    onSuccess: () => {
      setReason("");
      void queries.invalidateQueries(control.official.fraud.groups.queryFilter({ electionId }));
      void queries.invalidateQueries(control.official.elections.pathFilter());
    },
  });
  const tooShort = reason.trim().length < 3;
  return (
    // Two explicit buttons and no default: pressing Enter in the reason must not decide either way.
    <form onSubmit={(event) => event.preventDefault()} className="decision" aria-label={`Decide ${what}`}>
      <p>
        <label htmlFor={reasonId}>Reason for deciding {what}</label>
        <input
          id={reasonId}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          minLength={3}
          placeholder="e.g. five accounts on one device"
        />
      </p>
      <p className="actions">
        <button
          type="button"
          className="secondary"
          disabled={tooShort || decide.isPending}
          onClick={() => decide.mutate({ decision: "release", reason })}
        >
          Release {what} (count)
        </button>
        <button
          type="button"
          disabled={tooShort || decide.isPending}
          onClick={() => decide.mutate({ decision: "void", reason })}
        >
          Void {what} (never count)
        </button>
      </p>
      <div aria-live="polite">
        {decide.data ? (
          <p className="notice ok">
            {decide.data.changed} ballot{decide.data.changed === 1 ? "" : "s"}{" "}
            {decide.variables?.decision === "release" ? "released" : "voided"}
            {decide.data.changed < voterKeys.length
              ? `; ${voterKeys.length - decide.data.changed} had already been decided`
              : ""}
            .
          </p>
        ) : null}
        {decide.isError ? (
          <p role="alert" className="notice">
            {refusalOf(decide.error)?.message ?? "The decision could not be sent; try again."}
          </p>
        ) : null}
      </div>
    </form>
  );
}
