"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useControlApi } from "@landslide/ui/client";
import { DateTime } from "@landslide/ui/components";
import { ballotEditable, votingEnded } from "./election-tabs";
import { OutcomeNotices } from "./outcome-notices";
import {
  browserTimeZone,
  formatLocal,
  formatUtc,
  fromDateTimeLocal,
  toDateTimeLocal,
  toIsoWithOffset,
  utcOffsetOn,
} from "./local-time";
import { type OfficialElection, useElectionChanged } from "./official-election";
import { ReasonField, reasonProblem } from "./reason-form";

/** When the election opens and closes: the current times (local and UTC) and, before it opens, a form to change them. */
export function SchedulePanel({ election }: { election: OfficialElection }) {
  // Checked against the effective status: once a scheduled election has opened by itself,
  // its times must not move (the API only looks at the stored "scheduled").
  const editable = ballotEditable(election.status);
  return (
    <section aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">Schedule</h2>
      {editable ? (
        <>
          <CurrentSchedule opensAt={election.opensAt} closesAt={election.closesAt} />
          <ScheduleForm election={election} />
        </>
      ) : !election.opensAt && !election.closesAt ? (
        // Run by hand: "not scheduled yet" would promise a schedule that can no longer come.
        <p>
          {votingEnded(election.status)
            ? "No times were scheduled: an official opened and closed voting."
            : "No closing time is scheduled: voting ends when an official closes it."}
        </p>
      ) : (
        <>
          <CurrentSchedule opensAt={election.opensAt} closesAt={election.closesAt} />
          <p className="muted">
            {votingEnded(election.status)
              ? "Voting has ended; these were its times."
              : "The times are fixed now that voting has started."}
          </p>
        </>
      )}
    </section>
  );
}

function CurrentSchedule({ opensAt, closesAt }: { opensAt: string | null; closesAt: string | null }) {
  if (!opensAt && !closesAt) return <p>Not scheduled yet.</p>;
  const when = (iso: string | null) =>
    iso ? (
      <>
        <DateTime value={iso} /> <span className="muted">({formatUtc(iso)})</span>
      </>
    ) : (
      "not set"
    );
  return (
    <dl>
      <dt>Opens</dt>
      <dd>{when(opensAt)}</dd>
      <dt>Closes</dt>
      <dd>{when(closesAt)}</dd>
    </dl>
  );
}

function ScheduleForm({ election }: { election: OfficialElection }) {
  const schedule = useSchedule(election.id);
  const [opensAt, setOpensAt] = useState(() => (election.opensAt ? toDateTimeLocal(election.opensAt) : ""));
  const [closesAt, setClosesAt] = useState(() => (election.closesAt ? toDateTimeLocal(election.closesAt) : ""));
  const [reason, setReason] = useState("");
  const [timesProblem, setTimesProblem] = useState<string>();
  const [reasonShown, setReasonShown] = useState<string>();
  const [done, setDone] = useState<string>();
  const zone = browserTimeZone();
  // Read once when the form opens: rendering must not depend on the clock.
  const [offsetToday] = useState(() => utcOffsetOn(new Date()));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(undefined);
    const opens = fromDateTimeLocal(opensAt);
    const closes = fromDateTimeLocal(closesAt);
    const timesWrong =
      !opens || !closes
        ? "Give both an opening and a closing time."
        : opens >= closes
          ? "The election must open before it closes."
          : undefined;
    const reasonWrong = reasonProblem(reason);
    setTimesProblem(timesWrong);
    setReasonShown(reasonWrong);
    if (timesWrong || reasonWrong || !opens || !closes) return;
    const times = { opensAt: toIsoWithOffset(opens), closesAt: toIsoWithOffset(closes) };
    schedule.mutate(
      { electionId: election.id, ...times, reason: reason.trim() },
      {
        onSuccess: () => {
          setReason("");
          setDone(`Scheduled: opens ${formatLocal(times.opensAt)}, closes ${formatLocal(times.closesAt)}.`);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <p id="schedule-zone" className="muted">
        Times are in your browser&apos;s time zone, <strong>{zone}</strong> (UTC{offsetToday} today), and are sent with
        their offset.
      </p>
      <div className="actions" style={{ marginTop: 0 }}>
        <p style={{ margin: 0 }}>
          <label htmlFor="schedule-opens">Opens at</label>
          <input
            id="schedule-opens"
            type="datetime-local"
            value={opensAt}
            onChange={(e) => setOpensAt(e.target.value)}
            aria-describedby="schedule-zone"
            style={{ maxWidth: "100%" }}
          />
        </p>
        <p style={{ margin: 0 }}>
          <label htmlFor="schedule-closes">Closes at</label>
          <input
            id="schedule-closes"
            type="datetime-local"
            value={closesAt}
            onChange={(e) => setClosesAt(e.target.value)}
            aria-describedby="schedule-zone"
            style={{ maxWidth: "100%" }}
          />
        </p>
      </div>
      {timesProblem ? (
        <p className="notice" role="alert">
          {timesProblem}
        </p>
      ) : null}
      <ReasonField
        id="schedule-reason"
        label="Why this schedule?"
        value={reason}
        onChange={setReason}
        problem={reasonShown}
      />
      <OutcomeNotices
        error={schedule.isError ? schedule.error : undefined}
        unanswered="The control API did not answer; the schedule may not have changed. Check it above and try again."
        done={done}
      />
      <button type="submit" disabled={schedule.isPending}>
        {schedule.isPending ? "Saving…" : election.storedStatus === "scheduled" ? "Reschedule" : "Schedule"}
      </button>
    </form>
  );
}

function useSchedule(electionId: string) {
  const control = useControlApi();
  const electionChanged = useElectionChanged();
  return useMutation(
    control.official.elections.schedule.mutationOptions({ onSuccess: () => electionChanged(electionId) }),
  );
}
