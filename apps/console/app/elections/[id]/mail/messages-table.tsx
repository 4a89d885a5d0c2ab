"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { countOf } from "@landslide/api/client";
import { useControlApi } from "@landslide/ui/client";
import { Alert, Badge, Button, DateTime, EmailAddress, Field, Select, Table } from "@landslide/ui/components";
import { failureMessage } from "../failure-message";
import {
  kindWords,
  languageName,
  lastErrorWords,
  type ListedKind,
  LISTED_STATUSES,
  type MailMessage,
  type MailStatus,
  statusWords,
  unsentWords,
} from "./mail-summary";
import styles from "./mail.module.css";

const PAGE_SIZE = 50;

/**
 * The election's messages, newest first, a page at a time ("Load more" follows the API's cursor),
 * narrowed by kind and status. Reminders are never among them: who got one would say who had not voted.
 */
export function MessagesTable({
  electionId,
  kinds,
  refetchInterval,
  emptyText,
}: {
  electionId: string;
  /** The kinds this election can have: all three for a roll, receipts alone otherwise. */
  kinds: readonly ListedKind[];
  /** While mail is on its way, the pages shown are read again as often as the figures. */
  refetchInterval: number | false;
  /** What the table says when there is nothing at all (no filter). */
  emptyText: string;
}) {
  const control = useControlApi();
  const headingId = useId();
  const [kind, setKind] = useState<ListedKind | "">("");
  const [status, setStatus] = useState<MailStatus | "">("");
  const messages = useInfiniteQuery(
    control.official.notifications.list.infiniteQueryOptions(
      {
        electionId,
        limit: PAGE_SIZE,
        ...(kind ? { kind } : {}),
        ...(status ? { status } : {}),
      },
      { getNextPageParam: (page) => page.nextCursor, refetchInterval },
    ),
  );
  const rows = messages.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = kind !== "" || status !== "";

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Messages</h3>
      <p className="muted">
        {kinds.length > 1 ? "Invitations, receipts and results" : "Receipts voters asked for"}, newest first. Reminders
        are only counted, never listed: who got one would say who had not voted.
      </p>
      <div className={styles.filters}>
        {kinds.length > 1 ? (
          <Field label="Kind">
            <Select
              value={kind}
              onChange={(e) => setKind(e.target.value as ListedKind | "")}
              placeholder="Every kind"
              options={kinds.map((k) => ({ value: k, label: kindWords[k].label }))}
            />
          </Field>
        ) : null}
        <Field label="Status">
          <Select
            value={status}
            onChange={(e) => setStatus(e.target.value as MailStatus | "")}
            placeholder="Any status"
            options={LISTED_STATUSES.map((s) => ({ value: s, label: statusWords[s].label }))}
          />
        </Field>
      </div>
      {messages.isError ? (
        <Alert tone="danger" title="The messages cannot be loaded">
          {failureMessage(messages.error, "The control API does not answer. This page tries again by itself.")}
        </Alert>
      ) : null}
      {messages.isPending ? (
        <p role="status">Loading the messages…</p>
      ) : (
        <Table<MailMessage>
          caption="Messages of this election, newest first"
          captionHidden
          rows={rows}
          rowKey={(m) => m.id}
          empty={<p style={{ margin: 0 }}>{filtered ? "No message matches these choices." : emptyText}</p>}
          columns={[
            {
              key: "recipient",
              header: "Recipient",
              cell: (m) => (m.recipient ? <EmailAddress value={m.recipient} /> : "—"),
            },
            { key: "kind", header: "Kind", cell: (m) => kindWords[m.kind].single },
            { key: "language", header: "Language", cell: (m) => languageName(m.language) },
            {
              key: "status",
              header: "Status",
              cell: (m) => (
                <span title={statusWords[m.status].help}>
                  <Badge tone={statusWords[m.status].tone}>{statusWords[m.status].label}</Badge>
                </span>
              ),
            },
            { key: "attempts", header: "Tries", align: "end", cell: (m) => m.attempts.toLocaleString("en") },
            {
              key: "lastError",
              header: "Last error",
              cell: (m) => {
                const words = lastErrorWords(m);
                return words ? (
                  <span className={styles.error} title={m.lastError ?? undefined}>
                    {words}
                  </span>
                ) : (
                  "—"
                );
              },
            },
            {
              key: "sentAt",
              header: "Sent",
              cell: (m) => (m.sentAt ? <DateTime value={m.sentAt} /> : unsentWords(m.status)),
            },
          ]}
        />
      )}
      <p role="status" className="muted">
        {messages.isSuccess && rows.length > 0
          ? `Showing ${countOf(rows.length, "message")}${messages.hasNextPage ? "; older ones follow" : ""}.`
          : ""}
      </p>
      {messages.hasNextPage ? (
        <Button variant="secondary" loading={messages.isFetchingNextPage} onClick={() => void messages.fetchNextPage()}>
          Load more
        </Button>
      ) : null}
    </section>
  );
}
