import { formatDateTime } from "@landslide/ui/date-time";
import { fromDateTimeLocal, toIsoWithOffset } from "../local-time";
import type { ElectionStatus } from "../official-election";
import type { Translate } from "../../../../../i18n/english";
import type { FormatOptions } from "./mail-summary";

/** What the official chose in the form: now, or a wall time in their browser's zone (a `datetime-local` value). */
export type ReminderWhen = { readonly mode: "now" } | { readonly mode: "later"; readonly local: string };

export interface ReminderElection {
  readonly status: ElectionStatus;
  readonly opensAt: string | null;
  readonly closesAt: string | null;
}

export type ReminderTime =
  { readonly ok: true; readonly sendAt: string } | { readonly ok: false; readonly problem: string };

/** Whether a reminder can still be scheduled: not once voting has ended (the API refuses, and nobody is left to remind). */
export function remindersPossible(status: ElectionStatus): boolean {
  return status !== "closed" && status !== "certified";
}

/** "Send now" only means something while voting is open: otherwise the reminder reaches nobody. */
export function sendNowPossible(status: ElectionStatus): boolean {
  return status === "open";
}

/**
 * The reminder's time as the API takes it (ISO 8601 with the browser's offset, which the audit
 * trail keeps), or what is wrong with it, checked as the API will and a little more: a reminder
 * before voting opens would reach nobody.
 */
export function reminderSendAt(
  when: ReminderWhen,
  election: ReminderElection,
  now: Date,
  t: Translate,
  format: FormatOptions = {},
): ReminderTime {
  const at = (iso: string) => formatDateTime(iso, format);
  const refused = (problem: string): ReminderTime => ({ ok: false, problem });
  if (!remindersPossible(election.status)) return refused(t("mail.reminderTime.ended"));
  if (when.mode === "now") {
    if (!sendNowPossible(election.status))
      return refused(
        election.status === "paused" ? t("mail.reminderTime.nowPaused") : t("mail.reminderTime.nowNotOpen"),
      );
    return { ok: true, sendAt: toIsoWithOffset(now) };
  }
  if (when.local.trim() === "") return refused(t("mail.reminderTime.empty"));
  const chosen = fromDateTimeLocal(when.local);
  if (!chosen || Number.isNaN(chosen.getTime())) return refused(t("mail.reminderTime.notATime"));
  if (chosen.getTime() <= now.getTime()) return refused(t("mail.reminderTime.past"));
  const notOpenYet = election.status === "draft" || election.status === "scheduled";
  if (notOpenYet && election.opensAt && chosen.getTime() < Date.parse(election.opensAt))
    return refused(t("mail.reminderTime.beforeOpening", { time: at(election.opensAt) }));
  if (election.closesAt && chosen.getTime() >= Date.parse(election.closesAt))
    return refused(t("mail.reminderTime.afterClosing", { time: at(election.closesAt) }));
  return { ok: true, sendAt: toIsoWithOffset(chosen) };
}
