import Link from "next/link";
import type { CSSProperties } from "react";
import { eligibilityChoices, passkeyPolicyChoices, type RuleChoice, ruleChoice } from "../election-rules";
import { ballotEditable } from "./election-tabs";
import type { OfficialElection } from "./official-election";

/** Who may vote, from which devices, and whether they may abstain: in the form's own words. */
export function RulesPanel({ election }: { election: OfficialElection }) {
  const editable = ballotEditable(election.status);
  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading">Rules</h2>
      <dl>
        <dt style={term}>Who may vote</dt>
        <Rule choice={ruleChoice(eligibilityChoices, election.eligibility)} />
        <dt style={term}>Devices that may vote</dt>
        <Rule choice={ruleChoice(passkeyPolicyChoices, election.passkeyPolicy)} />
        <dt style={term}>Abstaining</dt>
        <dd style={value}>
          {election.allowAbstain ? "Voters may abstain on a question" : "Voters answer every question"}
        </dd>
      </dl>
      <p className="muted">
        {editable ? (
          <>
            They can change until the election opens:{" "}
            <Link href={`/elections/${election.id}/ballot`}>change them on the Ballot tab</Link>.
          </>
        ) : (
          "They are fixed now that voting can have started."
        )}
      </p>
    </section>
  );
}

/** Each rule reads as a small heading over its value, which keeps its hint on a line of its own. */
const term: CSSProperties = { fontWeight: 600 };
const value: CSSProperties = { margin: "0 0 0.75rem" };

function Rule<T extends string>({ choice }: { choice: RuleChoice<T> }) {
  return (
    <dd style={value}>
      {choice.label}
      {choice.hint ? (
        <span className="muted" style={{ display: "block" }}>
          {choice.hint}
        </span>
      ) : null}
    </dd>
  );
}
