import type { Translate } from "../../../../i18n/english";
import type { ElectionStatus } from "./official-election";

export interface ElectionTab {
  /** Without the language ("/elections/…"): the page adds its own. */
  readonly href: string;
  readonly label: string;
  readonly current: boolean;
}

/** Statuses in which ballots may have been cast: before them there is nothing to watch, review or count. */
const VOTING_STARTED: ReadonlySet<ElectionStatus> = new Set(["open", "paused", "closed", "certified"]);
const VOTING_ENDED: ReadonlySet<ElectionStatus> = new Set(["closed", "certified"]);

/**
 * The election's sub-pages that its status allows, in the order an election goes through them.
 * A tab is left out, not shown disabled, when it has nothing to offer yet: live results before
 * voting opens, certification before it closes, export before the result is certified. `status`
 * is the effective one (what voters see now), so a scheduled election past its opening time has
 * its results tab at once.
 */
export function electionTabs(
  electionId: string,
  status: ElectionStatus,
  pathname: string,
  t: Translate,
): ElectionTab[] {
  const base = `/elections/${electionId}`;
  const tab = (path: string, label: string) => ({
    href: `${base}${path}`,
    label,
    current: pathname === `${base}${path}`,
  });
  // Mail is there from the start: before voting opens it says when the invitations will go, and reminders can be set.
  const tabs = [
    tab("", t("tabs.overview")),
    tab("/ballot", t("tabs.ballot")),
    tab("/roll", t("tabs.roll")),
    tab("/mail", t("tabs.mail")),
  ];
  if (VOTING_STARTED.has(status)) tabs.push(tab("/results", t("tabs.results")), tab("/fraud", t("tabs.fraud")));
  if (VOTING_ENDED.has(status)) tabs.push(tab("/certification", t("tabs.certification")));
  if (status === "certified") tabs.push(tab("/export", t("tabs.export")));
  // The audit trail is its own page, filtered to this election: never the current tab.
  tabs.push({ href: `/audit?electionId=${electionId}`, label: t("tabs.audit"), current: false });
  return tabs;
}

/** Whether the live results may be called live: only while ballots can still come in. */
export function votingUnderWay(status: ElectionStatus): boolean {
  return status === "open" || status === "paused";
}

/** Whether the ballot's questions and rules can still change (the API freezes them once voting can start). */
export function ballotEditable(status: ElectionStatus): boolean {
  return status === "draft" || status === "scheduled";
}

export function votingEnded(status: ElectionStatus): boolean {
  return VOTING_ENDED.has(status);
}
