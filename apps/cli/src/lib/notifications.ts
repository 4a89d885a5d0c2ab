import { Args, Errors } from "@oclif/core";
import type { RouterOutputs } from "@landslide/api/client";
import { count, shortTime, table } from "./format";
import { EXIT } from "./public-client";

/**
 * What `election notify` shows of an election's mail (the control API's `official.notifications`):
 * the figures per kind and status, the campaigns, the reminders (counted, never listed per person:
 * who got one would say who had not voted) and the messages.
 */

export type MailSummary = RouterOutputs["official"]["notifications"]["summary"];
export type MailPage = RouterOutputs["official"]["notifications"]["list"];
export type MailMessage = MailPage["items"][number];
export type MailKind = keyof MailSummary["kinds"];
export type MailStatus = keyof MailSummary["kinds"]["invitation"];

// A record, so that a status or kind the API adds and this list misses fails to compile.
const STATUS_ORDER: Record<MailStatus, number> = {
  queued: 0,
  sending: 1,
  sent: 2,
  delivered: 3,
  bounced: 4,
  complained: 5,
  failed: 6,
  suppressed: 7,
  settled: 8,
};
export const MAIL_STATUSES = Object.keys(STATUS_ORDER) as MailStatus[];
const KIND_ORDER: Record<MailKind, number> = { invitation: 0, reminder: 1, receipt: 2, results: 3 };
export const MAIL_KINDS = Object.keys(KIND_ORDER) as MailKind[];
/** The kinds `list` can show: reminders are only ever counted. */
export const LISTED_KINDS = ["invitation", "receipt", "results"] as const satisfies readonly MailKind[];
/** A reminder's `settled` never appears among the listed messages. */
export const LISTED_STATUSES = MAIL_STATUSES.filter((s) => s !== "settled");

/** The API's largest page; `list` follows the cursor for more. */
export const MAX_PAGE = 200;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A reminder's id (from `election notify status`); anything else is a usage error before any call. */
export const reminderIdArg = Args.string({
  description: "the reminder's id (see election notify status)",
  required: true,
  parse: async (input) => {
    if (!UUID.test(input))
      throw new Errors.CLIError(
        `${input} is not a reminder id: ids look like 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 (see 'election notify status').`,
        { exit: EXIT.usage },
      );
    return input.toLowerCase();
  },
});

/** Where a roll-wide campaign (invitations, the result) stands, in a line. */
export function campaignLine(summary: MailSummary, kind: "invitation" | "results"): string {
  const campaign = summary.campaigns.find((c) => c.kind === kind);
  if (!campaign)
    return kind === "invitation" ? "not yet: they go out when voting opens" : "not yet: it goes out once certified";
  if (!campaign.queuedAt) return `being queued for the roll (started ${shortTime(campaign.startedAt)})`;
  return `queued for ${count(campaign.recipients ?? 0, "address", "addresses")} at ${shortTime(campaign.queuedAt)}`;
}

/** The figures as a table: a row per kind, a column per status any kind has (others would be zeros), and the total. */
export function countsTable(summary: MailSummary): string {
  const shown = MAIL_STATUSES.filter((status) => MAIL_KINDS.some((kind) => summary.kinds[kind][status] > 0));
  const total = (kind: MailKind) => MAIL_STATUSES.reduce((sum, status) => sum + summary.kinds[kind][status], 0);
  return table(MAIL_KINDS, [
    { header: "KIND", value: (kind) => kind },
    ...shown.map((status) => ({
      header: status.toUpperCase(),
      value: (kind: MailKind) => summary.kinds[kind][status],
      align: "right" as const,
    })),
    { header: "TOTAL", value: total, align: "right" },
  ]);
}

/** Messages of every kind together. */
export function totalMessages(summary: MailSummary): number {
  return MAIL_KINDS.reduce(
    (sum, kind) => sum + MAIL_STATUSES.reduce((n, status) => n + summary.kinds[kind][status], 0),
    0,
  );
}

/** The reminders: each one's time, status and counts (never who). */
export function remindersTable(reminders: MailSummary["reminders"]): string {
  return table(reminders, [
    { header: "ID", value: (r) => r.id },
    { header: "SEND AT", value: (r) => shortTime(r.sendAt) },
    { header: "STATUS", value: (r) => (r.status === "queued" && r.pending === 0 ? "done" : r.status) },
    { header: "ADDRESSES", value: (r) => r.recipients ?? "—", align: "right" },
    { header: "SETTLED", value: (r) => r.settled, align: "right" },
    { header: "PENDING", value: (r) => r.pending, align: "right" },
  ]);
}

/** The messages, newest first. */
export function messagesTable(messages: readonly MailMessage[]): string {
  return table(messages, [
    { header: "RECIPIENT", value: (m) => m.recipient || "—" },
    { header: "KIND", value: (m) => m.kind },
    { header: "LANG", value: (m) => m.language },
    { header: "STATUS", value: (m) => m.status },
    { header: "TRIES", value: (m) => m.attempts, align: "right" },
    { header: "SENT", value: (m) => shortTime(m.sentAt) },
    // Last: the mail service's words can be long, and the last column is not padded.
    { header: "LAST ERROR", value: (m) => m.lastError ?? "—" },
  ]);
}
