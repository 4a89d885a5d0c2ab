"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import Link from "next/link";
import { useControlApi } from "@landslide/ui/client";
import { Alert, EmptyState, Spinner } from "@landslide/ui/components";
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

/**
 * What the platform has e-mailed this election's voters: invitations when voting opens, the
 * reminders officials schedule, receipts voters ask for, and the result once certified. Read
 * again every few seconds while mail is on its way, and not otherwise.
 */
export default function MailPage() {
  const { election } = useElection();
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
      <h2>Mail</h2>
      <p>
        What Landslide has e-mailed this election&apos;s voters, each in the language their roll row names: invitations
        when voting opens, reminders you schedule, receipts voters ask for, and the result once certified.
      </p>
      {summary.isError ? (
        <Alert tone="danger" title="The mail cannot be loaded">
          {failureMessage(summary.error, "The control API does not answer. This page tries again by itself.")}
        </Alert>
      ) : null}
      {summary.isPending ? <Spinner label="Loading the mail…" /> : null}
      {summary.data ? (
        <>
          {inFlight ? (
            <p className="muted">Mail is on its way: these figures are read again every few seconds.</p>
          ) : null}
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
  const state = mailPageState(summary);
  // The messages are read again with the figures while mail is on its way, and not otherwise.
  const listPoll = inFlight ? MAIL_POLL_MS : false;
  switch (state.kind) {
    case "open-to-all":
      return (
        <>
          <EmptyState
            title="Mail goes to voter rolls only"
            body={
              <>
                <p>
                  This election is open to any signed-in voter, so there is no list of addresses to write to: no
                  invitations, reminders or results go out. To send them, make it a roll-based election (“People on a
                  voter roll” on the <Link href={`/elections/${election.id}/ballot`}>Ballot</Link> tab, while it is a
                  draft or scheduled) and import its roll on the{" "}
                  <Link href={`/elections/${election.id}/roll`}>Voter roll</Link> tab.
                </p>
                <p>Voters can still ask for their own receipt by e-mail after voting; those are listed here.</p>
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
                emptyText="No voter has asked for a receipt by e-mail."
              />
            </>
          ) : null}
        </>
      );
    case "nothing-yet":
      return (
        <>
          <EmptyState title="No mail yet" body={whenMailGoes(election)} />
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
            emptyText={whenMailGoes(election)}
          />
        </>
      );
  }
}
