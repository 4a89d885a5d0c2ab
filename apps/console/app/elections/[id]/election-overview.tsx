"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { electionStatusWords } from "@landslide/api/client";
import { useControlApi } from "@landslide/ui/client";
import { Stat, StatGroup } from "@landslide/ui/components";
import { formatShare } from "@landslide/ui/live-results";
import { useElection } from "./election-context";
import { ballotEditable } from "./election-tabs";
import { LifecyclePanel } from "./lifecycle-panel";
import { nextStep } from "./next-step";
import { type OfficialElection, useElectionDashboard } from "./official-election";
import { RulesPanel } from "./rules-panel";
import { SchedulePanel } from "./schedule-form";

/** The overview tab: status, turnout and held ballots at a glance, the next action, the schedule and the rules. */
export function ElectionOverview() {
  const { election } = useElection();
  const step = nextStep(election);
  return (
    <>
      <Figures election={election} />
      {step.action.kind === "link" ? (
        <section aria-labelledby="next-heading">
          <h2 id="next-heading">Next step</h2>
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
          <h2 id="description-heading">Description</h2>
          <p style={{ whiteSpace: "pre-line" }}>{election.description}</p>
        </section>
      ) : null}
    </>
  );
}

function Figures({ election }: { election: OfficialElection }) {
  const status = electionStatusWords(election.status);
  const started = !ballotEditable(election.status);
  return (
    <StatGroup label="This election at a glance">
      <Stat label="Status" value={status.label} hint={status.help} />
      <Stat
        label="Ballots counted"
        value={election.turnout.toLocaleString("en")}
        hint={
          election.eligibility === "voter-roll" ? (
            <RollShare election={election} />
          ) : (
            "Anyone signed in may vote: there is no roll to take a share of."
          )
        }
      />
      {started ? <HeldFigure election={election} /> : null}
    </StatGroup>
  );
}

/** Turnout as a share of the people on the roll (the roll counts each person once, however often imported). */
function RollShare({ election }: { election: OfficialElection }) {
  const control = useControlApi();
  const roll = useQuery(control.official.voterRoll.size.queryOptions({ electionId: election.id }));
  if (!roll.data) return roll.isError ? "The size of the voter roll could not be read." : "Reading the voter roll…";
  const { voters } = roll.data;
  if (voters === 0) return "Nobody is on the voter roll yet: import it under Voter roll.";
  return `${formatShare(election.turnout / voters)} of the ${voters.toLocaleString("en")} ${voters === 1 ? "person" : "people"} on the voter roll`;
}

/** Held ballots: the cases still waiting (exact once the dashboard answers), with a way to them. */
function HeldFigure({ election }: { election: OfficialElection }) {
  const dashboard = useElectionDashboard(election.id);
  const cases = dashboard.data?.casesByState;
  const waiting = cases ? Math.max(cases.quarantined, election.quarantined) : election.quarantined;
  return (
    <Stat
      label="Held for review"
      value={waiting.toLocaleString("en")}
      tone={waiting > 0 ? "warning" : "neutral"}
      hint={
        <>
          {cases
            ? `waiting for a decision; ${cases.released.toLocaleString("en")} released, ${cases.voided.toLocaleString("en")} voided. `
            : "waiting for a decision. "}
          <Link href={`/elections/${election.id}/fraud`}>Fraud review</Link>
        </>
      }
    />
  );
}
