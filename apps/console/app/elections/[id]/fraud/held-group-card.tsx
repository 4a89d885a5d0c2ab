"use client";

import { countOf } from "@landslide/api/client";
import { DateTime } from "@landslide/ui/components";
import { BallotList } from "./ballot-list";
import { DecisionForm } from "./decision-form";
import { groupKinds } from "./group-kinds";
import { ReasonsList, topReasons } from "./reasons-list";
import type { ListedGroup } from "./review-lists";
import styles from "./fraud-review.module.css";

/**
 * One group of held ballots, collapsed to its heading and a summary line (what they share, when,
 * the commonest reasons); opened, the evidence, the ballots (each can be selected on its own) and
 * the decision for all of them at once.
 */
export function HeldGroupCard({
  electionId,
  listed,
  numbers,
  selected,
  onToggle,
  onDecided,
}: {
  electionId: string;
  listed: ListedGroup;
  numbers: ReadonlyMap<string, number>;
  selected: ReadonlySet<string>;
  onToggle: (voterKey: string) => void;
  onDecided: (outcome: string) => void;
}) {
  const { group, members, alsoIn } = listed;
  const kind = groupKinds[group.kind];
  const n = members.length;
  const headingId = `group-${group.kind}-${group.key}`.replace(/[^a-zA-Z0-9-]/g, "-");
  const first = members[0]?.castAt;
  const last = members[n - 1]?.castAt;
  const reasons = topReasons(members);
  return (
    <section className={`ls-card ${styles.group}`} aria-labelledby={headingId}>
      <h4 id={headingId} className={styles.groupTitle}>
        {kind.title}: {countOf(n, "ballot")}
      </h4>
      <p className={styles.summary}>
        {/* A burst's key is its first cast time, which the range says already. */}
        {group.kind === "burst" ? null : `${kind.key(group.key)} · `}
        {first && last ? (
          <>
            {"cast "}
            <DateTime value={first} format="time" seconds />
            {first === last ? null : (
              <>
                {" to "}
                <DateTime value={last} format="time" seconds />
              </>
            )}
            {" · "}
          </>
        ) : null}
        {reasons || "no signal recorded"}
      </p>
      <details className={styles.disclosure}>
        <summary>Evidence and decision</summary>
        <p className={styles.subhead}>Why they were held</p>
        <ReasonsList members={members} />
        {alsoIn.length > 0 ? (
          <p className="muted">
            Also:{" "}
            {alsoIn
              .map(({ group: other, shared }) => `${shared} of these are in “${groupKinds[other.kind].title}”`)
              .join("; ")}
            .
          </p>
        ) : null}
        <p className={styles.subhead}>The ballots</p>
        <BallotList cases={members} numbers={numbers} selected={selected} onToggle={onToggle} />
        <DecisionForm
          electionId={electionId}
          voterKeys={members.map((m) => m.voterKey)}
          what={`all ${n} in this group`}
          onDecided={onDecided}
        />
      </details>
    </section>
  );
}
