import { formatDateTime, formatTime } from "@landslide/ui/date-time";
import type { Translate } from "../../../../i18n/english";
import type { OfficialElection } from "./official-election";

export type NextAction =
  /** One of the lifecycle buttons (open, pause, close…), which ask why before anything is sent. */
  | { readonly kind: "lifecycle" }
  /** A step taken on another tab (its path under the election's address). */
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
 * What happens next for an election, in one sentence, and the action that takes it there, in the
 * translator's language. `formatOptions` holds the page's locale (tests add a fixed zone); dates
 * are in the viewer's zone.
 */
export function nextStep(
  election: Timing,
  t: Translate,
  formatOptions: { locale?: string; timeZone?: string } = {},
): NextStep {
  const when = (iso: string) => formatDateTime(iso, formatOptions);
  const stop = pendingStop(election);
  if (stop) {
    // Seconds away: the time of day, to the second.
    const sentence = election.stopsAt
      ? t("nextStep.stopsAt", { stop, time: formatTime(election.stopsAt, { ...formatOptions, seconds: true }) })
      : t("nextStep.stopsSoon", { stop });
    return { sentence, action: { kind: "none" } };
  }
  switch (election.status) {
    case "draft":
      return { sentence: t("nextStep.draft"), action: { kind: "lifecycle" } };
    case "scheduled":
      return {
        sentence: election.opensAt
          ? t("nextStep.scheduledAt", { time: when(election.opensAt) })
          : t("nextStep.scheduled"),
        action: { kind: "lifecycle" },
      };
    case "open":
      return {
        sentence: election.closesAt ? t("nextStep.openUntil", { time: when(election.closesAt) }) : t("nextStep.open"),
        action: { kind: "lifecycle" },
      };
    case "paused":
      return { sentence: t("nextStep.paused"), action: { kind: "lifecycle" } };
    case "closed":
      return election.storedStatus === "closed"
        ? {
            sentence: t("nextStep.closed"),
            action: { kind: "link", path: "/certification", label: t("nextStep.certify") },
          }
        : { sentence: t("nextStep.closedByClock"), action: { kind: "lifecycle" } };
    case "certified":
      return {
        sentence: t("nextStep.certified"),
        action: { kind: "link", path: "/export", label: t("nextStep.export") },
      };
  }
}
