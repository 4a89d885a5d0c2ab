"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslations } from "next-intl";
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
import { useDateLocale } from "../../../../i18n/use-date-locale";

/** When the election opens and closes: the current times (local and UTC) and, before it opens, a form to change them. */
export function SchedulePanel({ election }: { election: OfficialElection }) {
  // Checked against the effective status: once a scheduled election has opened by itself,
  // its times must not move (the API only looks at the stored "scheduled").
  const t = useTranslations("schedule");
  const editable = ballotEditable(election.status);
  return (
    <section aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">{t("heading")}</h2>
      {editable ? (
        <>
          <CurrentSchedule opensAt={election.opensAt} closesAt={election.closesAt} />
          <ScheduleForm election={election} />
        </>
      ) : !election.opensAt && !election.closesAt ? (
        // Run by hand: "not scheduled yet" would promise a schedule that can no longer come.
        <p>{votingEnded(election.status) ? t("byHandEnded") : t("byHand")}</p>
      ) : (
        <>
          <CurrentSchedule opensAt={election.opensAt} closesAt={election.closesAt} />
          <p className="muted">{votingEnded(election.status) ? t("ended") : t("fixed")}</p>
        </>
      )}
    </section>
  );
}

function CurrentSchedule({ opensAt, closesAt }: { opensAt: string | null; closesAt: string | null }) {
  const t = useTranslations("schedule");
  const locale = useDateLocale();
  if (!opensAt && !closesAt) return <p>{t("notScheduled")}</p>;
  const when = (iso: string | null) =>
    iso ? (
      <>
        <DateTime value={iso} /> <span className="muted">({formatUtc(iso, locale)})</span>
      </>
    ) : (
      t("notSet")
    );
  return (
    <dl>
      <dt>{t("opens")}</dt>
      <dd>{when(opensAt)}</dd>
      <dt>{t("closes")}</dt>
      <dd>{when(closesAt)}</dd>
    </dl>
  );
}

function ScheduleForm({ election }: { election: OfficialElection }) {
  const t = useTranslations();
  const locale = useDateLocale();
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
      !opens || !closes ? t("schedule.bothTimes") : opens >= closes ? t("schedule.openBeforeClose") : undefined;
    const reasonWrong = reasonProblem(reason, t);
    setTimesProblem(timesWrong);
    setReasonShown(reasonWrong);
    if (timesWrong || reasonWrong || !opens || !closes) return;
    const times = { opensAt: toIsoWithOffset(opens), closesAt: toIsoWithOffset(closes) };
    schedule.mutate(
      { electionId: election.id, ...times, reason: reason.trim() },
      {
        onSuccess: () => {
          setReason("");
          setDone(
            t("schedule.done", {
              opens: formatLocal(times.opensAt, locale),
              closes: formatLocal(times.closesAt, locale),
            }),
          );
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <p id="schedule-zone" className="muted">
        {t.rich("schedule.zone", { zone, offset: offsetToday, strong: (chunks) => <strong>{chunks}</strong> })}
      </p>
      <div className="actions" style={{ marginTop: 0 }}>
        <p style={{ margin: 0 }}>
          <label htmlFor="schedule-opens">{t("schedule.opensAt")}</label>
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
          <label htmlFor="schedule-closes">{t("schedule.closesAt")}</label>
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
        label={t("schedule.why")}
        value={reason}
        onChange={setReason}
        problem={reasonShown}
      />
      <OutcomeNotices
        error={schedule.isError ? schedule.error : undefined}
        unanswered={t("schedule.unanswered")}
        done={done}
      />
      <button type="submit" disabled={schedule.isPending}>
        {schedule.isPending
          ? t("schedule.saving")
          : election.storedStatus === "scheduled"
            ? t("schedule.reschedule")
            : t("schedule.schedule")}
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
