import type { ElectionStatus } from "./official-election";

export interface LifecycleAction {
  readonly id: "open" | "pause" | "resume" | "close" | "record-close";
  readonly label: string;
  readonly reasonLabel: string;
  readonly confirmLabel: string;
  /** Said once it is done. */
  readonly done: string;
  /** The transitions sent, in order (two only for a pause just after a scheduled opening: see below). */
  readonly steps: readonly ElectionStatus[];
}

const open: LifecycleAction = {
  id: "open",
  label: "Open",
  reasonLabel: "Why open voting now?",
  confirmLabel: "Open voting",
  done: "Voting is open.",
  steps: ["open"],
};
const pause: LifecycleAction = {
  id: "pause",
  label: "Pause",
  reasonLabel: "Why pause voting?",
  confirmLabel: "Pause voting",
  done: "Pause recorded: voting stops within seconds.",
  steps: ["paused"],
};
const resume: LifecycleAction = {
  id: "resume",
  label: "Resume",
  reasonLabel: "Why resume voting?",
  confirmLabel: "Resume voting",
  done: "Voting is open again.",
  steps: ["open"],
};
const close: LifecycleAction = {
  id: "close",
  label: "Close",
  reasonLabel: "Why close voting?",
  confirmLabel: "Close voting",
  done: "Close recorded: voting stops within seconds.",
  steps: ["closed"],
};
const recordClose: LifecycleAction = {
  ...close,
  id: "record-close",
  label: "Record the close",
  reasonLabel: "Reason for recording the close",
  confirmLabel: "Record the close",
  done: "The close is recorded; the result can now be certified.",
};

/**
 * The lifecycle buttons for an election (certifying has its own tab). The server checks
 * transitions against the *stored* status (lifecycle.ts: draft → scheduled → open ⇄ paused →
 * closed), while officials see the *effective* one, which follows the clock: a scheduled election
 * past its opening time is open, and one past its closing time is closed. Where they differ:
 * - opened by its schedule (stored "scheduled"): the server cannot pause a "scheduled" election,
 *   so Pause first records the opening, then pauses; both steps land in the audit trail;
 * - closed by its schedule: certifying needs the stored status "closed", so the close is recorded.
 */
export function lifecycleActions(stored: ElectionStatus, effective: ElectionStatus): LifecycleAction[] {
  switch (effective) {
    case "draft":
      return [open];
    case "scheduled":
      return [{ ...open, label: "Open now" }, close];
    case "open":
      // A close asked for is taking effect (see pendingStop): nothing more to do; a pause can still become a close.
      if (stored === "closed") return [];
      if (stored === "paused") return [close];
      return [stored === "scheduled" ? { ...pause, steps: ["open", "paused"] } : pause, close];
    case "paused":
      return [resume, close];
    case "closed":
      return stored === "closed" ? [] : [recordClose];
    case "certified":
      return [];
  }
}
