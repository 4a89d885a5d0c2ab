import type { RouterOutputs } from "@landslide/api/client";
import type { Tone } from "@landslide/ui/components";
import { formatDateTime } from "@landslide/ui/date-time";
import type { Translate } from "../../../../../i18n/english";
import type { ElectionStatus } from "../official-election";

/**
 * The Mail tab's words and figures, worked out from what the control API says of an election's
 * mail (`official.notifications`): pure, so that every sentence an official reads is tested; the
 * words are the messages' (`mail`), in the language of the translator each function takes.
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

/** Pages pass their locale (the zone is the viewer's); tests pass a fixed zone too. */
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

export function kindWords(kind: MailKind, t: Translate): KindWords {
  return {
    label: t(`mail.kinds.${kind}.label`),
    single: t(`mail.kinds.${kind}.single`),
    help: t(`mail.kinds.${kind}.help`),
  };
}

interface StatusWords {
  readonly label: string;
  readonly help: string;
  readonly tone: Tone;
}

const STATUS_TONES: Readonly<Record<MailStatus, Tone>> = {
  queued: "info",
  sending: "info",
  sent: "success",
  delivered: "success",
  bounced: "danger",
  complained: "warning",
  failed: "danger",
  suppressed: "neutral",
  settled: "success",
};

/** A message's status in words, for a badge (the colour only repeats the word) and its tooltip. */
export function statusWords(status: MailStatus, t: Translate): StatusWords {
  return {
    label: t(`mail.statuses.${status}.label`),
    help: t(`mail.statuses.${status}.help`),
    tone: STATUS_TONES[status],
  };
}

/** How the chart and its table group the statuses: few enough to read at a glance. */
export type StatusGroup = "delivered" | "sent" | "settled" | "waiting" | "notSent" | "failed";

export const STATUS_GROUPS: readonly StatusGroup[] = ["delivered", "sent", "settled", "waiting", "notSent", "failed"];

export const groupColours: Readonly<Record<StatusGroup, string>> = {
  // Every colour keeps at least 4.5:1 against white, and the table beside the chart has the figures.
  delivered: "#166534",
  sent: "#1d4ed8",
  settled: "#0f766e",
  waiting: "#a16207",
  notSent: "#4b5563",
  failed: "#b91c1c",
};

/** A group's name: a column of the table, a part of the chart's legend. */
export const groupLabel = (group: StatusGroup, t: Translate) => t(`mail.groups.${group}`);

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
    return { kind, total, groups };
  });
}

/**
 * One kind's figures in a sentence: "Invitations: 1,204 in all: 1,180 delivered, 20 waiting or
 * sending, 4 failed or bounced." Groups with nothing in them are left out.
 */
export function kindSentence(row: KindRow, t: Translate, locale: string): string {
  const kind = kindWords(row.kind, t).label;
  if (row.total === 0) return t("mail.kindNone", { kind });
  const parts = STATUS_GROUPS.filter((g) => row.groups[g] > 0).map((g) =>
    t(`mail.groupCounts.${g}`, { count: row.groups[g] }),
  );
  const list = new Intl.ListFormat(locale, { type: "unit", style: "long" }).format(parts);
  return t("mail.kindSentence", { kind, total: row.total, parts: list });
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
  t: Translate,
  format: FormatOptions = {},
): string {
  const when = (iso: string) => formatDateTime(iso, format);
  const campaign = summary.campaigns.find((c) => c.kind === kind);
  if (campaign?.queuedAt) {
    const recipients = campaign.recipients ?? 0;
    if (recipients === 0) return t("mail.campaign.nobody", { kind, time: when(campaign.queuedAt) });
    return t("mail.campaign.queued", { kind, count: recipients, time: when(campaign.queuedAt) });
  }
  if (campaign) return t("mail.campaign.queuing", { kind, time: when(campaign.startedAt) });
  if (kind === "results")
    return election.status === "certified" ? t("mail.campaign.resultsSoon") : t("mail.campaign.resultsLater");
  switch (election.status) {
    case "draft":
      return t("mail.campaign.whenOpens");
    case "scheduled":
      return election.opensAt
        ? t("mail.campaign.whenOpensOn", { time: when(election.opensAt) })
        : t("mail.campaign.whenOpens");
    case "open":
      return t("mail.campaign.invitationsSoon");
    case "paused":
      return t("mail.campaign.whenResumes");
    case "closed":
    case "certified":
      return t("mail.campaign.none");
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
export function whenMailGoes(election: Timing, t: Translate, format: FormatOptions = {}): string {
  switch (election.status) {
    case "draft":
      return t("mail.whenMailGoes.draft");
    case "scheduled":
      return election.opensAt
        ? t("mail.whenMailGoes.scheduledOn", { time: formatDateTime(election.opensAt, format) })
        : t("mail.whenMailGoes.scheduled");
    case "open":
      return t("mail.whenMailGoes.open");
    case "paused":
      return t("mail.whenMailGoes.paused");
    case "closed":
      return t("mail.whenMailGoes.closed");
    case "certified":
      return t("mail.whenMailGoes.certified");
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
export function reminderState(reminder: MailReminder, now: Date, t: Translate): ReminderState {
  const state = (name: "cancelled" | "due" | "scheduled" | "nobody" | "goingOut" | "done", tone: Tone) => ({
    label: t(`mail.reminderStates.${name}.label`),
    tone,
    detail: t(`mail.reminderStates.${name}.detail`, { settled: reminder.settled, count: reminder.recipients ?? 0 }),
  });
  switch (reminder.status) {
    case "cancelled":
      return { ...state("cancelled", "neutral"), cancellable: false };
    case "scheduled":
      return new Date(reminder.sendAt) <= now
        ? { ...state("due", "info"), cancellable: true }
        : { ...state("scheduled", "info"), cancellable: true };
    case "queued": {
      const recipients = reminder.recipients ?? 0;
      if (recipients === 0) return { ...state("nobody", "neutral"), cancellable: false };
      if (reminder.pending > 0) return { ...state("goingOut", "info"), cancellable: false };
      return { ...state("done", "success"), cancellable: false };
    }
    default:
      return { label: t("mail.reminderStates.unknown"), tone: "neutral", detail: "", cancellable: false };
  }
}

// ——— Messages ———

/**
 * "Arabic": the language a message was written in, named in the page's language (the runtime's
 * own names, so a new language needs nothing here); a code it cannot name is shown as it is.
 */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language", fallback: "code" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** What a message's last error means, for an official: plain words, not the mail service's exception. */
export function lastErrorWords(message: Pick<MailMessage, "lastError" | "status">, t: Translate): string | undefined {
  const error = message.lastError?.trim();
  if (!error) return undefined;
  const retried = message.status === "queued" || message.status === "sending";
  const said = (sentence: string) => (retried ? t("mail.errors.retried", { sentence }) : sentence);
  if (/election is gone/i.test(error)) return t("mail.errors.electionGone");
  if (/voting had ended/i.test(error)) return t("mail.errors.votingEnded");
  if (/not verified|MailFromDomainNotVerified/i.test(error)) return said(t("mail.errors.notVerified"));
  if (/Throttl|TooManyRequests|rate exceeded|LimitExceeded/i.test(error)) return said(t("mail.errors.busy"));
  if (/AccountSuspended|SendingPaused/i.test(error)) return said(t("mail.errors.paused"));
  if (
    /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|ETIMEDOUT|fetch failed|socket hang up|TimeoutError|aborted/i.test(
      error,
    )
  )
    return said(t("mail.errors.noAnswer"));
  if (/MessageRejected|BadRequest/i.test(error)) return said(t("mail.errors.rejected"));
  return said(t("mail.errors.said", { error: error.length > 160 ? `${error.slice(0, 157)}…` : error }));
}

/** The "Sent" column when the message has not gone out (yet). */
export function unsentWords(status: MailStatus, t: Translate): string {
  return status === "queued" || status === "sending" ? t("mail.notYet") : t("mail.never");
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
