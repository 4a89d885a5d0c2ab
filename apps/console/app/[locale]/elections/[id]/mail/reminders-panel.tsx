"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
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
import { useDateLocale } from "../../../../../i18n/use-date-locale";

/**
 * The election's reminders: each one's time and progress (counts only), Cancel for those not gone
 * out yet, and a form to schedule another. Who a reminder reached is never shown, because it is
 * never kept: it would say who had not voted.
 */
export function RemindersPanel({ summary, election }: { summary: MailSummary; election: OfficialElection }) {
  const headingId = useId();
  const t = useTranslations("mail.reminders");
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t("heading")}</h3>
      <p>{t.rich("intro", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <ReminderList electionId={election.id} reminders={summary.reminders} />
      {remindersPossible(election.status) ? (
        <ScheduleReminderForm election={election} />
      ) : (
        <p className="muted">{t("ended")}</p>
      )}
    </section>
  );
}

function ReminderList({ electionId, reminders }: { electionId: string; reminders: readonly MailReminder[] }) {
  const control = useControlApi();
  const t = useTranslations();
  const locale = useDateLocale();
  const format = useFormatter();
  const mailChanged = useMailChanged();
  const cancel = useMutation(control.official.notifications.cancelReminder.mutationOptions({ onSettled: mailChanged }));
  const [cancelling, setCancelling] = useState<MailReminder>();
  const [done, setDone] = useState<string>();
  const formId = useId();
  // The clock only tells "due" from "scheduled", and whether Cancel is still offered.
  const now = new Date(useNow(5_000));
  const open = cancelling && reminders.find((r) => r.id === cancelling.id && reminderState(r, now, t).cancellable);

  const confirm = (reminder: MailReminder, reason: string) =>
    cancel.mutate(
      { electionId, reminderId: reminder.id, reason },
      {
        onSuccess: () => {
          setCancelling(undefined);
          setDone(t("mail.reminders.cancelled", { time: formatDateTime(reminder.sendAt, { locale }) }));
        },
      },
    );

  return (
    <>
      <Table
        caption={t("mail.reminders.caption")}
        captionHidden
        rows={reminders}
        rowKey={(r) => r.id}
        empty={<p style={{ margin: 0 }}>{t("mail.reminders.none")}</p>}
        columns={[
          { key: "sendAt", header: t("mail.reminders.goesOut"), cell: (r) => <DateTime value={r.sendAt} /> },
          {
            key: "status",
            header: t("mail.reminders.status"),
            cell: (r) => {
              const state = reminderState(r, now, t);
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
            header: t("mail.reminders.addresses"),
            align: "end",
            cell: (r) => (r.recipients === null ? t("mail.reminders.countedWhenSent") : format.number(r.recipients)),
          },
          {
            key: "settled",
            header: t("mail.reminders.dealtWith"),
            align: "end",
            cell: (r) => format.number(r.settled),
          },
          {
            key: "action",
            header: t("mail.reminders.action"),
            cell: (r) =>
              reminderState(r, now, t).cancellable ? (
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
                  {t("mail.reminders.cancel")}
                  <span className="ls-visually-hidden">
                    {" "}
                    {t("mail.reminders.cancelWhich", { time: formatDateTime(r.sendAt, { locale }) })}
                  </span>
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
            {t.rich("mail.reminders.confirmCancel", { time: () => <DateTime value={open.sendAt} /> })}
          </p>
          <ConfirmWithReason
            key={open.id}
            id={formId}
            reasonLabel={t("mail.reminders.whyCancel")}
            confirmLabel={t("mail.reminders.cancelIt")}
            pending={cancel.isPending}
            autoFocus
            onConfirm={(reason) => confirm(open, reason)}
          />
          <Button variant="ghost" onClick={() => setCancelling(undefined)} disabled={cancel.isPending}>
            {t("mail.reminders.keep")}
          </Button>
        </div>
      ) : null}
      <ActionOutcome
        error={cancel.isError ? cancel.error : undefined}
        unanswered={t("mail.reminders.cancelUnanswered")}
        done={done}
      />
    </>
  );
}

function ScheduleReminderForm({ election }: { election: OfficialElection }) {
  const control = useControlApi();
  const t = useTranslations();
  const locale = useDateLocale();
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
    const time = reminderSendAt(when, election, new Date(), t, { locale });
    const reasonWrong = reasonProblem(reason, t);
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
              ? t("mail.reminders.onItsWay")
              : t("mail.reminders.scheduled", { time: formatDateTime(reminder.sendAt, { locale }) }),
          );
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={headingId} className={`card ${styles.panel}`}>
      <h4 id={headingId} style={{ marginTop: 0 }}>
        {t("mail.reminders.scheduleHeading")}
      </h4>
      <RadioGroup
        label={t("mail.reminders.when")}
        value={chosenMode}
        onValueChange={(value) => setMode(value === "now" ? "now" : "later")}
      >
        <Radio
          value="now"
          label={t("mail.reminders.now")}
          disabled={!canSendNow}
          hint={canSendNow ? t("mail.reminders.nowHint") : t("mail.reminders.nowNotPossible")}
        />
        <Radio value="later" label={t("mail.reminders.later")} hint={t("mail.reminders.laterHint")} />
      </RadioGroup>
      {chosenMode === "later" ? (
        <Field
          label={t("mail.reminders.dateTime")}
          hint={t("mail.reminders.dateTimeHint", { zone })}
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
        label={t("mail.reminders.why")}
        value={reason}
        onChange={setReason}
        problem={reasonShown}
      />
      <Button type="submit" loading={schedule.isPending}>
        {chosenMode === "now" ? t("mail.reminders.sendNow") : t("mail.reminders.schedule")}
      </Button>
      <ActionOutcome
        error={schedule.isError ? schedule.error : undefined}
        unanswered={t("mail.reminders.scheduleUnanswered")}
        done={done}
      />
    </form>
  );
}
