"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
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
  const t = useTranslations();
  const locale = useLocale();
  const format = useFormatter();
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
      <h3 id={headingId}>{t("mail.messages.heading")}</h3>
      <p className="muted">{t("mail.messages.intro", { kinds: kinds.length > 1 ? "all" : "receipts" })}</p>
      <div className={styles.filters}>
        {kinds.length > 1 ? (
          <Field label={t("mail.messages.kind")}>
            <Select
              value={kind}
              onChange={(e) => setKind(e.target.value as ListedKind | "")}
              placeholder={t("mail.messages.everyKind")}
              options={kinds.map((k) => ({ value: k, label: kindWords(k, t).label }))}
            />
          </Field>
        ) : null}
        <Field label={t("mail.messages.status")}>
          <Select
            value={status}
            onChange={(e) => setStatus(e.target.value as MailStatus | "")}
            placeholder={t("mail.messages.anyStatus")}
            options={LISTED_STATUSES.map((s) => ({ value: s, label: statusWords(s, t).label }))}
          />
        </Field>
      </div>
      {messages.isError ? (
        <Alert tone="danger" title={t("mail.messages.unavailableTitle")}>
          {failureMessage(messages.error, t("mail.unavailable"), t)}
        </Alert>
      ) : null}
      {messages.isPending ? (
        <p role="status">{t("mail.messages.loading")}</p>
      ) : (
        <Table<MailMessage>
          caption={t("mail.messages.caption")}
          captionHidden
          rows={rows}
          rowKey={(m) => m.id}
          empty={<p style={{ margin: 0 }}>{filtered ? t("mail.messages.noMatch") : emptyText}</p>}
          columns={[
            {
              key: "recipient",
              header: t("mail.messages.recipient"),
              cell: (m) => (m.recipient ? <EmailAddress value={m.recipient} /> : "—"),
            },
            { key: "kind", header: t("mail.messages.kind"), cell: (m) => kindWords(m.kind, t).single },
            { key: "language", header: t("mail.messages.language"), cell: (m) => languageName(m.language, locale) },
            {
              key: "status",
              header: t("mail.messages.status"),
              cell: (m) => {
                const words = statusWords(m.status, t);
                return (
                  <span title={words.help}>
                    <Badge tone={words.tone}>{words.label}</Badge>
                  </span>
                );
              },
            },
            { key: "attempts", header: t("mail.messages.tries"), align: "end", cell: (m) => format.number(m.attempts) },
            {
              key: "lastError",
              header: t("mail.messages.lastError"),
              cell: (m) => {
                const words = lastErrorWords(m, t);
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
              header: t("mail.messages.sent"),
              cell: (m) => (m.sentAt ? <DateTime value={m.sentAt} /> : unsentWords(m.status, t)),
            },
          ]}
        />
      )}
      <p role="status" className="muted">
        {messages.isSuccess && rows.length > 0
          ? t("mail.messages.showing", { count: rows.length, more: messages.hasNextPage ? "yes" : "no" })
          : ""}
      </p>
      {messages.hasNextPage ? (
        <Button variant="secondary" loading={messages.isFetchingNextPage} onClick={() => void messages.fetchNextPage()}>
          {t("mail.messages.loadMore")}
        </Button>
      ) : null}
    </section>
  );
}
