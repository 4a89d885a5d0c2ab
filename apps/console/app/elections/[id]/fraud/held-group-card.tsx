import { riskSignalWords } from "@landslide/api/client";
import type { FraudReview } from "./page";
import { DecisionForm } from "./decision-form";

type Group = FraudReview["groups"][number];
type Case = FraudReview["cases"][number];

const kinds: Record<Group["kind"], { title: string; key: (key: string) => string }> = {
  "same-device": { title: "Several accounts on one device", key: (key) => `device ${key.slice(0, 12)}…` },
  "same-network": { title: "Several ballots from one address block", key: (key) => `address block ${key}` },
  burst: { title: "A burst of held ballots", key: (key) => `from ${new Date(key).toLocaleTimeString("en-GB")}` },
};

/** One group with its evidence: how many, when, which signals and scores; decided all at once. */
export function HeldGroupCard({
  electionId,
  group,
  cases,
}: {
  electionId: string;
  group: Group;
  cases: readonly Case[];
}) {
  const members = cases.filter((c) => group.voterKeys.includes(c.voterKey));
  const signals = new Map<string, number>();
  for (const member of members)
    for (const reason of member.reasons) signals.set(reason, (signals.get(reason) ?? 0) + 1);
  const scores = members.flatMap((m) => (m.score === null ? [] : [m.score]));
  const kind = kinds[group.kind];
  const headingId = `group-${group.kind}-${group.key}`.replace(/[^a-zA-Z0-9-]/g, "-");
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {kind.title}: {group.voterKeys.length} ballots
      </h3>
      <p className="muted">
        {kind.key(group.key)}
        {group.from && group.to
          ? `, cast between ${new Date(group.from).toLocaleTimeString("en-GB")} and ${new Date(group.to).toLocaleTimeString("en-GB")}`
          : ""}
        {scores.length ? `, risk scores ${Math.min(...scores)}–${Math.max(...scores)}` : ""}.
      </p>
      {signals.size > 0 ? (
        <>
          <p>Why they were held:</p>
          <ul>
            {[...signals]
              .sort((a, b) => b[1] - a[1])
              .map(([signal, n]) => (
                <li key={signal}>
                  {riskSignalWords(signal)} ({n} of {members.length})
                </li>
              ))}
          </ul>
        </>
      ) : (
        <p>No signal was recorded for these ballots.</p>
      )}
      <DecisionForm
        electionId={electionId}
        voterKeys={group.voterKeys}
        what={`all ${group.voterKeys.length} in this group`}
      />
    </section>
  );
}
