import type { ElectionStatus } from "./official-election";

export interface LifecycleAction {
  readonly id: "open" | "pause" | "resume" | "close" | "record-close";
  /** Its words in the messages (lifecycle.<words>): its button, why it is asked, its confirmation, and what is said once done. */
  readonly words: "open" | "openNow" | "pause" | "resume" | "close" | "recordClose";
  /** The transitions sent, in order (two only for a pause just after a scheduled opening: see below). */
  readonly steps: readonly ElectionStatus[];
}

const open: LifecycleAction = { id: "open", words: "open", steps: ["open"] };
const pause: LifecycleAction = { id: "pause", words: "pause", steps: ["paused"] };
const resume: LifecycleAction = { id: "resume", words: "resume", steps: ["open"] };
const close: LifecycleAction = { id: "close", words: "close", steps: ["closed"] };
const recordClose: LifecycleAction = { ...close, id: "record-close", words: "recordClose" };

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
      return [{ ...open, words: "openNow" }, close];
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
