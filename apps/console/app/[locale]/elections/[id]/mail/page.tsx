"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { useControlApi } from "@landslide/ui/client";
import { Alert, EmptyState, Spinner } from "@landslide/ui/components";
import { Link } from "@landslide/ui/i18n/navigation";
import { useElection } from "../election-context";
import { failureMessage } from "../failure-message";
import type { OfficialElection } from "../official-election";
import { DeliveryOverview } from "./delivery-overview";
import {
  failedCount,
  LISTED_KINDS,
  MAIL_KINDS,
  mailInFlight,
  mailPageState,
  MAIL_POLL_MS,
  type MailSummary,
  nextMailPoll,
  whenMailGoes,
} from "./mail-summary";
import { MessagesTable } from "./messages-table";
import { RemindersPanel } from "./reminders-panel";
import { RetryFailed } from "./retry-failed";
import { useDateLocale } from "../../../../../i18n/use-date-locale";

/**
 * What the platform has e-mailed this election's voters: invitations when voting opens, the
 * reminders officials schedule, receipts voters ask for, and the result once certified. Read
 * again every few seconds while mail is on its way, and not otherwise.
 */
export default function MailPage() {
  const { election } = useElection();
  const t = useTranslations();
  const control = useControlApi();
  const summary = useQuery(
    control.official.notifications.summary.queryOptions(
      { electionId: election.id },
      { refetchInterval: (query) => nextMailPoll(query.state.data, election, new Date()) },
    ),
  );
  const inFlight = summary.data ? mailInFlight(summary.data, election, new Date()) : false;
  // The messages follow the figures: whenever these change (the last invitations sent between two
  // reads included, after which nothing polls any more), the list is read again.
  const queries = useQueryClient();
  const figures = summary.data ? JSON.stringify([summary.data.kinds, summary.data.campaigns]) : "";
  useEffect(() => {
    if (figures) void queries.invalidateQueries(control.official.notifications.list.pathFilter());
  }, [figures, queries, control]);
  return (
    <>
      {/* The election's layout (election-shell.tsx) gives the title (h1) and the tabs: this is one of its sub-pages. */}
      <h2>{t("mail.heading")}</h2>
      <p>{t("mail.intro")}</p>
      {summary.isError ? (
        <Alert tone="danger" title={t("mail.unavailableTitle")}>
          {failureMessage(summary.error, t("mail.unavailable"), t)}
        </Alert>
      ) : null}
      {summary.isPending ? <Spinner label={t("mail.loading")} /> : null}
      {summary.data ? (
        <>
          {inFlight ? <p className="muted">{t("mail.inFlight")}</p> : null}
          <MailSections summary={summary.data} election={election} inFlight={inFlight} />
        </>
      ) : null}
    </>
  );
}

function MailSections({
  summary,
  election,
  inFlight,
}: {
  summary: MailSummary;
  election: OfficialElection;
  inFlight: boolean;
}) {
  const t = useTranslations();
  const locale = useDateLocale();
  const state = mailPageState(summary);
  // The messages are read again with the figures while mail is on its way, and not otherwise.
  const listPoll = inFlight ? MAIL_POLL_MS : false;
  switch (state.kind) {
    case "open-to-all":
      return (
        <>
          <EmptyState
            title={t("mail.rollsOnlyTitle")}
            body={
              <>
                <p>
                  {t.rich("mail.rollsOnly", {
                    ballot: (chunks) => <Link href={`/elections/${election.id}/ballot`}>{chunks}</Link>,
                    roll: (chunks) => <Link href={`/elections/${election.id}/roll`}>{chunks}</Link>,
                  })}
                </p>
                <p>{t("mail.receiptsStill")}</p>
              </>
            }
          />
          {state.receipts > 0 ? (
            <>
              <DeliveryOverview summary={summary} election={election} kinds={["receipt"]} />
              <RetryFailed electionId={election.id} failed={failedCount(summary)} />
              <MessagesTable
                electionId={election.id}
                kinds={["receipt"]}
                refetchInterval={listPoll}
                emptyText={t("mail.noReceipts")}
              />
            </>
          ) : null}
        </>
      );
    case "nothing-yet":
      return (
        <>
          <EmptyState title={t("mail.noMailTitle")} body={whenMailGoes(election, t, { locale })} />
          <RemindersPanel summary={summary} election={election} />
        </>
      );
    case "mail":
      return (
        <>
          <DeliveryOverview summary={summary} election={election} kinds={MAIL_KINDS} />
          <RetryFailed electionId={election.id} failed={failedCount(summary)} />
          <RemindersPanel summary={summary} election={election} />
          <MessagesTable
            electionId={election.id}
            kinds={LISTED_KINDS}
            refetchInterval={listPoll}
            emptyText={whenMailGoes(election, t, { locale })}
          />
        </>
      );
  }
}
