import { formatDateTime } from "@landslide/ui/date-time";
import { fromDateTimeLocal, toIsoWithOffset } from "../local-time";
import type { ElectionStatus } from "../official-election";
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
  format: FormatOptions = {},
): ReminderTime {
  const at = (iso: string) => formatDateTime(iso, format);
  if (!remindersPossible(election.status))
    return { ok: false, problem: "Voting has ended: there is nobody left to remind." };
  if (when.mode === "now") {
    if (!sendNowPossible(election.status))
      return {
        ok: false,
        problem:
          election.status === "paused"
            ? "Voting is paused: a reminder now would reach nobody. Choose a time after it resumes."
            : "Voting is not open yet: a reminder now would reach nobody. Choose a time after it opens.",
      };
    return { ok: true, sendAt: toIsoWithOffset(now) };
  }
  if (when.local.trim() === "") return { ok: false, problem: "Choose the date and time to send it." };
  const chosen = fromDateTimeLocal(when.local);
  if (!chosen || Number.isNaN(chosen.getTime()))
    return { ok: false, problem: "That is not a date and time: pick one with the calendar." };
  if (chosen.getTime() <= now.getTime())
    return { ok: false, problem: "That time has passed: choose a later one, or “Send now”." };
  const notOpenYet = election.status === "draft" || election.status === "scheduled";
  if (notOpenYet && election.opensAt && chosen.getTime() < Date.parse(election.opensAt))
    return {
      ok: false,
      problem: `Voting opens on ${at(election.opensAt)}: a reminder before then would reach nobody.`,
    };
  if (election.closesAt && chosen.getTime() >= Date.parse(election.closesAt))
    return { ok: false, problem: `That is after voting closes, on ${at(election.closesAt)}.` };
  return { ok: true, sendAt: toIsoWithOffset(chosen) };
}
