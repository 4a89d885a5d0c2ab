import { countOf, type RouterOutputs } from "@landslide/api/client";
import type { Tone } from "@landslide/ui/components";
import { formatDateTime } from "@landslide/ui/date-time";
import type { ElectionStatus } from "../official-election";

/**
 * The Mail tab's words and figures, worked out from what the control API says of an election's
 * mail (`official.notifications`): pure, so that every sentence an official reads is tested.
 * Reminders are only ever counted, never listed per person: who got one would say who had not
 * voted, and nothing here tries to show it.
 */

export type MailSummary = RouterOutputs["official"]["notifications"]["summary"];
export type MailMessage = RouterOutputs["official"]["notifications"]["list"]["items"][number];
export type MailReminder = MailSummary["reminders"][number];
export type MailKind = keyof MailSummary["kinds"];
export type MailStatus = keyof MailSummary["kinds"]["invitation"];
/** The kinds listed one message at a time (reminders never are). */
export type ListedKind = Exclude<MailKind, "reminder">;

/** Tests pass a fixed zone and locale; pages leave them out for the viewer's. */
export interface FormatOptions {
  readonly locale?: string;
  readonly timeZone?: string;
}

export const MAIL_KINDS: readonly MailKind[] = ["invitation", "reminder", "receipt", "results"];
export const LISTED_KINDS: readonly ListedKind[] = ["invitation", "receipt", "results"];
export const MAIL_STATUSES: readonly MailStatus[] = [
  "queued",
  "sending",
  "sent",
  "delivered",
  "bounced",
  "complained",
  "failed",
  "suppressed",
  "settled",
];

interface KindWords {
  /** "Invitations": a heading, a table's row. */
  readonly label: string;
  /** "Invitation": one message of the kind, in the messages table. */
  readonly single: string;
  /** Who gets one, and when. */
  readonly help: string;
}

export const kindWords: Readonly<Record<MailKind, KindWords>> = {
  invitation: {
    label: "Invitations",
    single: "Invitation",
    help: "To every address on the voter roll, once, when voting opens.",
  },
  reminder: {
    label: "Reminders",
    single: "Reminder",
    help: "When an official schedules one: to the addresses on the roll that have not voted by then.",
  },
  receipt: {
    label: "Receipts",
    single: "Receipt",
    help: "When a voter asks for their receipt by e-mail after voting.",
  },
  results: {
    label: "Results",
    single: "Result",
    help: "To every address on the voter roll, once, when the result is certified.",
  },
};

interface StatusWords {
  readonly label: string;
  readonly help: string;
  readonly tone: Tone;
}

/** A message's status in words, for a badge (the colour only repeats the word) and its tooltip. */
export const statusWords: Readonly<Record<MailStatus, StatusWords>> = {
  queued: {
    label: "Waiting",
    tone: "info",
    help: "In the queue: it goes out shortly, or is tried again after a failure.",
  },
  sending: { label: "Sending", tone: "info", help: "Being handed to the mail service now." },
  sent: {
    label: "Sent",
    tone: "success",
    help: "The mail service took it; no report of delivery has come back yet.",
  },
  delivered: { label: "Delivered", tone: "success", help: "The recipient's mail server accepted it." },
  bounced: {
    label: "Bounced",
    tone: "danger",
    help: "The address does not take mail: nothing more is sent to it.",
  },
  complained: {
    label: "Marked as spam",
    tone: "warning",
    help: "The recipient marked it as spam: nothing more is sent to them.",
  },
  failed: {
    label: "Failed",
    tone: "danger",
    help: "It could not be sent after 5 tries, or the mail service refused it for good. It can be sent again.",
  },
  suppressed: {
    label: "Not sent",
    tone: "neutral",
    help: "The address unsubscribed, or an earlier message to it bounced: nothing is sent to it.",
  },
  settled: {
    label: "Done",
    tone: "success",
    help: "A reminder dealt with: sent, or not needed because the voter had voted. Which of the two is not kept.",
  },
};

/** How the chart and its table group the statuses: few enough to read at a glance. */
export type StatusGroup = "delivered" | "sent" | "settled" | "waiting" | "notSent" | "failed";

export const STATUS_GROUPS: readonly StatusGroup[] = ["delivered", "sent", "settled", "waiting", "notSent", "failed"];

export const groupWords: Readonly<Record<StatusGroup, { readonly label: string; readonly colour: string }>> = {
  // Every colour keeps at least 4.5:1 against white, and the table beside the chart has the figures.
  delivered: { label: "Delivered", colour: "#166534" },
  sent: { label: "Sent", colour: "#1d4ed8" },
  settled: { label: "Done", colour: "#0f766e" },
  waiting: { label: "Waiting or sending", colour: "#a16207" },
  notSent: { label: "Not sent (unsubscribed)", colour: "#4b5563" },
  failed: { label: "Failed or bounced", colour: "#b91c1c" },
};

const groupOf: Readonly<Record<MailStatus, StatusGroup>> = {
  queued: "waiting",
  sending: "waiting",
  sent: "sent",
  delivered: "delivered",
  bounced: "failed",
  complained: "failed",
  failed: "failed",
  suppressed: "notSent",
  settled: "settled",
};

export interface KindRow {
  readonly kind: MailKind;
  readonly label: string;
  readonly total: number;
  readonly groups: Readonly<Record<StatusGroup, number>>;
}

/** Per kind, how many messages stand in each group: the chart's bars and the table under it. */
export function kindRows(summary: Pick<MailSummary, "kinds">, kinds: readonly MailKind[] = MAIL_KINDS): KindRow[] {
  return kinds.map((kind) => {
    const counts = summary.kinds[kind];
    const groups = Object.fromEntries(STATUS_GROUPS.map((g) => [g, 0])) as Record<StatusGroup, number>;
    let total = 0;
    for (const status of MAIL_STATUSES) {
      const n = counts[status] ?? 0;
      groups[groupOf[status]] += n;
      total += n;
    }
    return { kind, label: kindWords[kind].label, total, groups };
  });
}

const number = (n: number) => n.toLocaleString("en");

/**
 * One kind's figures in a sentence: "Invitations: 1,204 in all: 1,180 delivered, 20 waiting or
 * sending, 4 failed or bounced." Groups with nothing in them are left out.
 */
export function kindSentence(row: KindRow): string {
  if (row.total === 0) return `${row.label}: none so far.`;
  const parts = STATUS_GROUPS.filter((g) => row.groups[g] > 0).map(
    (g) => `${number(row.groups[g])} ${groupWords[g].label.toLowerCase()}`,
  );
  return `${row.label}: ${number(row.total)} in all: ${parts.join(", ")}.`;
}

/** Messages of every kind together. */
export function totalMessages(summary: Pick<MailSummary, "kinds">): number {
  return kindRows(summary).reduce((sum, row) => sum + row.total, 0);
}

/** Dead letters an official may send again (retryFailed puts back only these: reminders settle, never fail). */
export function failedCount(summary: Pick<MailSummary, "kinds">): number {
  return LISTED_KINDS.reduce((sum, kind) => sum + (summary.kinds[kind].failed ?? 0), 0);
}

/** Messages still on their way: waiting in the queue or being sent. */
export function inFlightCount(summary: Pick<MailSummary, "kinds">): number {
  return MAIL_KINDS.reduce((sum, kind) => sum + summary.kinds[kind].queued + summary.kinds[kind].sending, 0);
}

type Timing = { readonly status: ElectionStatus; readonly opensAt: string | null };

/**
 * Where a roll-wide campaign (invitations, or the result) stands, in one sentence: not yet, being
 * queued, or queued for so many addresses at such a time.
 */
export function campaignSentence(
  kind: "invitation" | "results",
  summary: Pick<MailSummary, "campaigns">,
  election: Timing,
  format: FormatOptions = {},
): string {
  const when = (iso: string) => formatDateTime(iso, format);
  const campaign = summary.campaigns.find((c) => c.kind === kind);
  if (campaign?.queuedAt) {
    const recipients = campaign.recipients ?? 0;
    if (recipients === 0)
      return kind === "invitation"
        ? `Nobody to invite: the roll had no e-mail addresses when voting opened (${when(campaign.queuedAt)}).`
        : `Nobody to send the result to: the roll had no e-mail addresses when it was certified (${when(campaign.queuedAt)}).`;
    return `${kind === "invitation" ? "Invitations" : "The result"} queued for ${countOf(recipients, "address", "addresses")} on ${when(campaign.queuedAt)}.`;
  }
  if (campaign)
    return `${kind === "invitation" ? "Invitations are" : "The result is"} being queued for the roll (started ${when(campaign.startedAt)}).`;
  if (kind === "results")
    return election.status === "certified"
      ? "The result is about to be queued for the roll."
      : "The result goes to every address on the roll once the election is certified.";
  switch (election.status) {
    case "draft":
      return "Invitations go out when voting opens.";
    case "scheduled":
      return election.opensAt
        ? `Invitations go out when voting opens, on ${when(election.opensAt)}.`
        : "Invitations go out when voting opens.";
    case "open":
      return "Invitations are about to be queued for the roll.";
    case "paused":
      return "Invitations go out when voting resumes.";
    case "closed":
    case "certified":
      return "No invitations were sent: voting ended before they were queued.";
  }
}

/** What the page shows: one state, one switch (never nested conditions in the markup). */
export type MailPageState =
  /** Open to any signed-in voter: nothing goes to a roll; voters' own receipts may still go out. */
  | { readonly kind: "open-to-all"; readonly receipts: number }
  /** A roll election with no message and no reminder yet. */
  | { readonly kind: "nothing-yet" }
  | { readonly kind: "mail" };

export function mailPageState(summary: Pick<MailSummary, "rollBased" | "kinds" | "reminders">): MailPageState {
  if (!summary.rollBased) return { kind: "open-to-all", receipts: kindRows(summary, ["receipt"])[0]!.total };
  if (totalMessages(summary) === 0 && summary.reminders.length === 0) return { kind: "nothing-yet" };
  return { kind: "mail" };
}

/** When the first messages of a roll election will go, for the empty state. */
export function whenMailGoes(election: Timing, format: FormatOptions = {}): string {
  switch (election.status) {
    case "draft":
      return "Invitations go to every address on the voter roll when voting opens: schedule or open the election on its Overview tab. Reminders can be scheduled below.";
    case "scheduled":
      return `Invitations go to every address on the voter roll when voting opens${election.opensAt ? `, on ${formatDateTime(election.opensAt, format)}` : ""}. Reminders can be scheduled below.`;
    case "open":
      return "Invitations to every address on the voter roll are being queued: they appear here within seconds.";
    case "paused":
      return "Invitations go to every address on the voter roll when voting resumes. Reminders can be scheduled below.";
    case "closed":
      return "Voting has ended without any mail going out. The result goes to every address on the roll once the election is certified.";
    case "certified":
      return "The result is about to be queued for every address on the voter roll.";
  }
}

// ——— Reminders ———

export interface ReminderState {
  readonly label: string;
  readonly tone: Tone;
  /** A sentence on its progress, counts only. */
  readonly detail: string;
  readonly cancellable: boolean;
}

/**
 * Where one reminder stands. Its messages settle alike whether they went out or were not needed
 * (the voter had voted): `settled` counts both, and nothing says which was which.
 */
export function reminderState(reminder: MailReminder, now: Date): ReminderState {
  switch (reminder.status) {
    case "cancelled":
      return { label: "Cancelled", tone: "neutral", detail: "Cancelled before it went out.", cancellable: false };
    case "scheduled":
      return new Date(reminder.sendAt) <= now
        ? {
            label: "Due",
            tone: "info",
            detail: "Its time has come: it is being queued for the roll.",
            cancellable: true,
          }
        : {
            label: "Scheduled",
            tone: "info",
            detail: "Counted against the roll when it goes out.",
            cancellable: true,
          };
    case "queued": {
      const recipients = reminder.recipients ?? 0;
      if (recipients === 0)
        return {
          label: "Nobody to remind",
          tone: "neutral",
          detail: "Voting was not open when it came due, or the roll has no e-mail addresses.",
          cancellable: false,
        };
      if (reminder.pending > 0)
        return {
          label: "Going out",
          tone: "info",
          detail: `${number(reminder.settled)} of ${countOf(recipients, "address", "addresses")} dealt with.`,
          cancellable: false,
        };
      return {
        label: "Done",
        tone: "success",
        detail: `All ${countOf(recipients, "address", "addresses")} dealt with: reminded, or had already voted.`,
        cancellable: false,
      };
    }
    default:
      return { label: "Unknown", tone: "neutral", detail: "", cancellable: false };
  }
}

// ——— Messages ———

const languageNames: Readonly<Record<string, string>> = {
  en: "English",
  es: "Spanish",
  fr: "French",
  de: "German",
  ar: "Arabic",
};

/** "Arabic": the language a message was written in; a code this console does not know is shown as it is. */
export function languageName(code: string): string {
  return languageNames[code] ?? code;
}

/** What a message's last error means, for an official: plain words, not the mail service's exception. */
export function lastErrorWords(message: Pick<MailMessage, "lastError" | "status">): string | undefined {
  const error = message.lastError?.trim();
  if (!error) return undefined;
  const again = message.status === "queued" || message.status === "sending" ? " It is tried again shortly." : "";
  const said = (sentence: string) => `${sentence}${again}`;
  if (/election is gone/i.test(error)) return "The election was deleted before it could be sent.";
  if (/voting had ended/i.test(error)) return "Voting had ended before it could be sent.";
  if (/not verified|MailFromDomainNotVerified/i.test(error))
    return said("The mail service refused it: the sender address or domain is not verified there.");
  if (/Throttl|TooManyRequests|rate exceeded|LimitExceeded/i.test(error))
    return said("The mail service was busy (too many messages at once).");
  if (/AccountSuspended|SendingPaused/i.test(error)) return said("Sending is paused on the mail service's account.");
  if (
    /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|ETIMEDOUT|fetch failed|socket hang up|TimeoutError|aborted/i.test(
      error,
    )
  )
    return said("The mail service did not answer.");
  if (/MessageRejected|BadRequest/i.test(error)) return said("The mail service refused the message.");
  return said(`The mail service said: “${error.length > 160 ? `${error.slice(0, 157)}…` : error}”`);
}

/** The "Sent" column when the message has not gone out (yet). */
export function unsentWords(status: MailStatus): string {
  return status === "queued" || status === "sending" ? "Not yet" : "Never";
}

/** Which statuses the messages list may be narrowed to: reminders' `settled` never appears there. */
export const LISTED_STATUSES: readonly MailStatus[] = MAIL_STATUSES.filter((s) => s !== "settled");

// ——— Polling ———

/** While mail is on its way, how often the tab reads it again. */
export const MAIL_POLL_MS = 4_000;
/** setTimeout's ceiling: a longer wait would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

type PollSummary = Pick<MailSummary, "kinds" | "campaigns" | "reminders" | "rollBased">;

/**
 * Whether mail is on its way: messages waiting or being sent, a reminder going out or due, or a
 * roll-wide campaign about to be queued (voting open without invitations, certified without the
 * result) or half queued.
 */
export function mailInFlight(summary: PollSummary, election: { readonly status: ElectionStatus }, now: Date): boolean {
  if (inFlightCount(summary) > 0) return true;
  if (summary.reminders.some((r) => r.status === "queued" && r.pending > 0)) return true;
  if (summary.reminders.some((r) => r.status === "scheduled" && Date.parse(r.sendAt) <= now.getTime())) return true;
  if (!summary.rollBased) return false;
  const queued = (kind: MailKind) => summary.campaigns.find((c) => c.kind === kind)?.queuedAt;
  const started = (kind: MailKind) => summary.campaigns.some((c) => c.kind === kind);
  if (election.status === "open" && !queued("invitation")) return true;
  if (election.status === "certified" && !queued("results")) return true;
  return (started("invitation") && !queued("invitation")) || (started("results") && !queued("results"));
}

/**
 * When to read the mail again: every few seconds while it is on its way (mailInFlight); just
 * after the next scheduled reminder comes due; otherwise not at all.
 */
export function nextMailPoll(
  summary: PollSummary | undefined,
  election: { readonly status: ElectionStatus },
  now: Date,
): number | false {
  if (!summary) return false;
  if (mailInFlight(summary, election, now)) return MAIL_POLL_MS;
  const due = summary.reminders
    .filter((r) => r.status === "scheduled")
    .map((r) => Date.parse(r.sendAt) - now.getTime());
  if (due.length === 0) return false;
  return Math.min(Math.min(...due) + 1_500, MAX_TIMER_MS);
}
