import { formatDateTime, formatTime } from "@landslide/ui/date-time";
import type { OfficialElection } from "./official-election";

export type NextAction =
  /** One of the lifecycle buttons (open, pause, close…), which ask why before anything is sent. */
  | { readonly kind: "lifecycle" }
  /** A step taken on another tab. */
  | { readonly kind: "link"; readonly path: string; readonly label: string }
  | { readonly kind: "none" };

export interface NextStep {
  /** One line under the title: where the election stands and what happens next. */
  readonly sentence: string;
  readonly action: NextAction;
}

type Timing = Pick<OfficialElection, "status" | "storedStatus" | "opensAt" | "closesAt"> & {
  readonly stopsAt?: string | Date | null;
};

/**
 * A pause or close an official asked for that has not taken effect yet: voters are told a moment
 * ahead (STOP_NOTICE_MS) and ballots cast until then still count, so the election is still open.
 */
export function pendingStop(election: Timing): "paused" | "closed" | undefined {
  if (election.status !== "open") return undefined;
  return election.storedStatus === "paused" || election.storedStatus === "closed" ? election.storedStatus : undefined;
}

/**
 * What happens next for an election, in one sentence, and the action that takes it there.
 * `formatOptions` is for tests (a fixed zone and locale); pages use the viewer's.
 */
export function nextStep(election: Timing, formatOptions: { locale?: string; timeZone?: string } = {}): NextStep {
  const when = (iso: string) => formatDateTime(iso, formatOptions);
  const stop = pendingStop(election);
  if (stop) {
    // Seconds away: the time of day, to the second.
    const at = election.stopsAt
      ? ` at ${formatTime(election.stopsAt, { ...formatOptions, seconds: true })}`
      : " in a moment";
    return {
      sentence:
        stop === "closed"
          ? `Closing: voting stops${at}; ballots cast before then still count.`
          : `Pausing: voting stops${at}; ballots cast before then still count.`,
      action: { kind: "none" },
    };
  }
  switch (election.status) {
    case "draft":
      return {
        sentence: "Draft: voters cannot see it yet. Next: check the ballot, then schedule it or open it.",
        action: { kind: "lifecycle" },
      };
    case "scheduled":
      return {
        sentence: election.opensAt
          ? `Scheduled: voting opens by itself on ${when(election.opensAt)}.`
          : "Scheduled: voting opens by itself at its opening time.",
        action: { kind: "lifecycle" },
      };
    case "open":
      return {
        sentence: election.closesAt
          ? `Voting is open until ${when(election.closesAt)}, when it closes by itself.`
          : "Voting is open until you close it.",
        action: { kind: "lifecycle" },
      };
    case "paused":
      return { sentence: "Paused: no ballot is accepted until voting resumes.", action: { kind: "lifecycle" } };
    case "closed":
      return election.storedStatus === "closed"
        ? {
            sentence: "Voting is closed. Next: recount the stored votes, then certify the result.",
            action: { kind: "link", path: "/certification", label: "Recount and certify…" },
          }
        : {
            sentence: "Voting ended at its closing time. Next: record the close, then recount and certify.",
            action: { kind: "lifecycle" },
          };
    case "certified":
      return {
        sentence: "Certified: the result is final and nothing can change it.",
        action: { kind: "link", path: "/export", label: "Export the certified results" },
      };
  }
}
