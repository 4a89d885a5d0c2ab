"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useControlApi } from "@landslide/ui/client";
import { Badge, Button, DateTime, Field, Input, Radio, RadioGroup, Table } from "@landslide/ui/components";
import { formatDateTime } from "@landslide/ui/date-time";
import { browserTimeZone, toDateTimeLocal } from "../local-time";
import type { OfficialElection } from "../official-election";
import { useNow } from "../use-now";
import { ConfirmWithReason, ReasonField, reasonProblem } from "../reason-form";
import { ActionOutcome } from "./action-outcome";
import { type MailReminder, type MailSummary, reminderState } from "./mail-summary";
import { reminderSendAt, remindersPossible, type ReminderWhen, sendNowPossible } from "./reminder-time";
import { useMailChanged } from "./use-mail-changed";
import styles from "./mail.module.css";

/**
 * The election's reminders: each one's time and progress (counts only), Cancel for those not gone
 * out yet, and a form to schedule another. Who a reminder reached is never shown, because it is
 * never kept: it would say who had not voted.
 */
export function RemindersPanel({ summary, election }: { summary: MailSummary; election: OfficialElection }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Reminders</h3>
      <p>
        A reminder goes to the addresses on the voter roll that have <strong>not voted</strong> by the time it is sent.
        Nobody, officials included, can see who that was: each address is checked as the reminder goes out, and only the
        counts are kept.
      </p>
      <ReminderList electionId={election.id} reminders={summary.reminders} />
      {remindersPossible(election.status) ? (
        <ScheduleReminderForm election={election} />
      ) : (
        <p className="muted">Voting has ended: there is nobody left to remind.</p>
      )}
    </section>
  );
}

function ReminderList({ electionId, reminders }: { electionId: string; reminders: readonly MailReminder[] }) {
  const control = useControlApi();
  const mailChanged = useMailChanged();
  const cancel = useMutation(control.official.notifications.cancelReminder.mutationOptions({ onSettled: mailChanged }));
  const [cancelling, setCancelling] = useState<MailReminder>();
  const [done, setDone] = useState<string>();
  const formId = useId();
  // The clock only tells "due" from "scheduled", and whether Cancel is still offered.
  const now = new Date(useNow(5_000));
  const open = cancelling && reminders.find((r) => r.id === cancelling.id && reminderState(r, now).cancellable);

  const confirm = (reminder: MailReminder, reason: string) =>
    cancel.mutate(
      { electionId, reminderId: reminder.id, reason },
      {
        onSuccess: () => {
          setCancelling(undefined);
          setDone(`The reminder of ${formatDateTime(reminder.sendAt)} is cancelled: it will not go out.`);
        },
      },
    );

  return (
    <>
      <Table
        caption="Reminders of this election"
        captionHidden
        rows={reminders}
        rowKey={(r) => r.id}
        empty={<p style={{ margin: 0 }}>No reminder has been scheduled.</p>}
        columns={[
          { key: "sendAt", header: "Goes out", cell: (r) => <DateTime value={r.sendAt} /> },
          {
            key: "status",
            header: "Status",
            cell: (r) => {
              const state = reminderState(r, now);
              return (
                <>
                  <Badge tone={state.tone}>{state.label}</Badge>
                  {state.detail ? <span className={styles.help}>{state.detail}</span> : null}
                </>
              );
            },
          },
          {
            key: "recipients",
            header: "Addresses",
            align: "end",
            cell: (r) => (r.recipients === null ? "Counted when sent" : r.recipients.toLocaleString("en")),
          },
          { key: "settled", header: "Dealt with", align: "end", cell: (r) => r.settled.toLocaleString("en") },
          {
            key: "action",
            header: "Action",
            cell: (r) =>
              reminderState(r, now).cancellable ? (
                <Button
                  variant="secondary"
                  size="sm"
                  aria-expanded={open?.id === r.id}
                  aria-controls={open?.id === r.id ? formId : undefined}
                  onClick={() => {
                    cancel.reset();
                    setDone(undefined);
                    setCancelling(r);
                  }}
                >
                  Cancel<span className="ls-visually-hidden"> the reminder of {formatDateTime(r.sendAt)}</span>
                </Button>
              ) : (
                "—"
              ),
          },
        ]}
      />
      {open ? (
        <div className={`card ${styles.panel}`}>
          <p style={{ marginTop: 0 }}>
            Cancel the reminder of <DateTime value={open.sendAt} />? It will not go out; the audit trail keeps why.
          </p>
          <ConfirmWithReason
            key={open.id}
            id={formId}
            reasonLabel="Why cancel it?"
            confirmLabel="Cancel the reminder"
            pending={cancel.isPending}
            autoFocus
            onConfirm={(reason) => confirm(open, reason)}
          />
          <Button variant="ghost" onClick={() => setCancelling(undefined)} disabled={cancel.isPending}>
            Keep it
          </Button>
        </div>
      ) : null}
      <ActionOutcome
        error={cancel.isError ? cancel.error : undefined}
        unanswered="The control API did not answer; the reminder may still be scheduled. Check the list and try again."
        done={done}
      />
    </>
  );
}

function ScheduleReminderForm({ election }: { election: OfficialElection }) {
  const control = useControlApi();
  const mailChanged = useMailChanged();
  const schedule = useMutation(
    control.official.notifications.scheduleReminder.mutationOptions({ onSettled: mailChanged }),
  );
  const canSendNow = sendNowPossible(election.status);
  const [mode, setMode] = useState<ReminderWhen["mode"]>(canSendNow ? "now" : "later");
  const [local, setLocal] = useState("");
  const [reason, setReason] = useState("");
  const [timeProblem, setTimeProblem] = useState<string>();
  const [reasonShown, setReasonShown] = useState<string>();
  const [done, setDone] = useState<string>();
  const headingId = useId();
  const zone = browserTimeZone();
  // What the calendar may offer: from now until voting closes (checked again on submit).
  const [earliest] = useState(() => toDateTimeLocal(new Date().toISOString()));
  const chosenMode = canSendNow ? mode : "later";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(undefined);
    const when: ReminderWhen = chosenMode === "now" ? { mode: "now" } : { mode: "later", local };
    const time = reminderSendAt(when, election, new Date());
    const reasonWrong = reasonProblem(reason);
    setTimeProblem(time.ok ? undefined : time.problem);
    setReasonShown(reasonWrong);
    if (!time.ok || reasonWrong) return;
    schedule.mutate(
      { electionId: election.id, sendAt: time.sendAt, reason: reason.trim() },
      {
        onSuccess: (reminder) => {
          setReason("");
          setLocal("");
          setDone(
            when.mode === "now"
              ? "Reminder on its way: within a minute it goes to the addresses on the roll that have not voted."
              : `Reminder scheduled for ${formatDateTime(reminder.sendAt)}: it goes to the addresses on the roll that have not voted by then.`,
          );
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={headingId} className={`card ${styles.panel}`}>
      <h4 id={headingId} style={{ marginTop: 0 }}>
        Schedule a reminder
      </h4>
      <RadioGroup
        label="When should it go out?"
        value={chosenMode}
        onValueChange={(value) => setMode(value === "now" ? "now" : "later")}
      >
        <Radio
          value="now"
          label="Send now"
          disabled={!canSendNow}
          hint={
            canSendNow
              ? "To those who have not voted yet."
              : "Only while voting is open: before, nobody could have voted yet."
          }
        />
        <Radio value="later" label="At a date and time" hint="To those who have not voted by then." />
      </RadioGroup>
      {chosenMode === "later" ? (
        <Field
          label="Date and time"
          hint={`In your browser's time zone, ${zone}; before voting closes.`}
          error={timeProblem}
          required
        >
          <Input
            type="datetime-local"
            value={local}
            min={earliest}
            max={election.closesAt ? toDateTimeLocal(election.closesAt) : undefined}
            onChange={(e) => setLocal(e.target.value)}
          />
        </Field>
      ) : timeProblem ? (
        <p className="notice bad">{timeProblem}</p>
      ) : null}
      <ReasonField
        id={`${headingId}-reason`}
        label="Why send a reminder?"
        value={reason}
        onChange={setReason}
        problem={reasonShown}
      />
      <Button type="submit" loading={schedule.isPending}>
        {chosenMode === "now" ? "Send the reminder now" : "Schedule the reminder"}
      </Button>
      <ActionOutcome
        error={schedule.isError ? schedule.error : undefined}
        unanswered="The control API did not answer; the reminder may not be scheduled. Check the list above and try again."
        done={done}
      />
    </form>
  );
}
