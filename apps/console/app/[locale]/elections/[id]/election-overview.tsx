"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useControlApi } from "@landslide/ui/client";
import { Stat, StatGroup } from "@landslide/ui/components";
import { Link } from "@landslide/ui/i18n/navigation";
import { formatShare } from "@landslide/ui/live-results";
import { useWords } from "../../../../i18n/use-words";
import { useElection } from "./election-context";
import { ballotEditable } from "./election-tabs";
import { LifecyclePanel } from "./lifecycle-panel";
import { nextStep } from "./next-step";
import { type OfficialElection, useElectionDashboard } from "./official-election";
import { RulesPanel } from "./rules-panel";
import { SchedulePanel } from "./schedule-form";
import { useDateLocale } from "../../../../i18n/use-date-locale";

/** The overview tab: status, turnout and held ballots at a glance, the next action, the schedule and the rules. */
export function ElectionOverview() {
  const { election } = useElection();
  const t = useTranslations();
  const locale = useDateLocale();
  const step = nextStep(election, t, { locale });
  return (
    <>
      <Figures election={election} />
      {step.action.kind === "link" ? (
        <section aria-labelledby="next-heading">
          <h2 id="next-heading">{t("lifecycle.heading")}</h2>
          <p>{step.sentence}</p>
          <Link
            className="ls-button ls-button-primary ls-button-md"
            href={`/elections/${election.id}${step.action.path}`}
          >
            {step.action.label}
          </Link>
        </section>
      ) : (
        <LifecyclePanel election={election} />
      )}
      <SchedulePanel election={election} />
      <RulesPanel election={election} />
      {election.description ? (
        <section aria-labelledby="description-heading">
          <h2 id="description-heading">{t("overview.description")}</h2>
          {/* The election's own words, in their own direction (an English description on an Arabic page). */}
          <p dir="auto" style={{ whiteSpace: "pre-line" }}>
            {election.description}
          </p>
        </section>
      ) : null}
    </>
  );
}

function Figures({ election }: { election: OfficialElection }) {
  const t = useTranslations("overview");
  const format = useFormatter();
  const status = useWords("electionStatus")(election.status);
  const started = !ballotEditable(election.status);
  return (
    <StatGroup label={t("figures")}>
      <Stat label={t("status")} value={status.label} hint={status.help} />
      <Stat
        label={t("turnout")}
        value={format.number(election.turnout)}
        hint={election.eligibility === "voter-roll" ? <RollShare election={election} /> : t("noRoll")}
      />
      {started ? <HeldFigure election={election} /> : null}
    </StatGroup>
  );
}

/** Turnout as a share of the people on the roll (the roll counts each person once, however often imported). */
function RollShare({ election }: { election: OfficialElection }) {
  const control = useControlApi();
  const t = useTranslations("overview");
  const locale = useDateLocale();
  const roll = useQuery(control.official.voterRoll.size.queryOptions({ electionId: election.id }));
  if (!roll.data) return roll.isError ? t("rollUnreadable") : t("rollReading");
  const { voters } = roll.data;
  if (voters === 0) return t("rollEmpty");
  return t("rollShare", { share: formatShare(election.turnout / voters, locale), voters });
}

/** Held ballots: the cases still waiting (exact once the dashboard answers), with a way to them. */
function HeldFigure({ election }: { election: OfficialElection }) {
  const dashboard = useElectionDashboard(election.id);
  const t = useTranslations("overview");
  const format = useFormatter();
  const cases = dashboard.data?.casesByState;
  const waiting = cases ? Math.max(cases.quarantined, election.quarantined) : election.quarantined;
  return (
    <Stat
      label={t("held")}
      value={format.number(waiting)}
      tone={waiting > 0 ? "warning" : "neutral"}
      hint={
        <>
          {cases ? t("heldDecided", { released: cases.released, voided: cases.voided }) : t("heldWaiting")}{" "}
          <Link href={`/elections/${election.id}/fraud`}>{t("fraudReview")}</Link>
        </>
      }
    />
  );
}
