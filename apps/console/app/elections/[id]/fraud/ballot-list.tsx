"use client";

import { holdReasonWords } from "@landslide/api/client";
import { Checkbox, DateTime } from "@landslide/ui/components";
import { shortId } from "./group-kinds";
import type { Case } from "./review-lists";
import styles from "./fraud-review.module.css";

/**
 * Held ballots, one line each: its number in the cast order, when, why, its score and where from,
 * and a box to select it for a decision of its own. Only pseudonymous evidence: never who voted.
 */
export function BallotList({
  cases,
  numbers,
  selected,
  onToggle,
}: {
  cases: readonly Case[];
  numbers: ReadonlyMap<string, number>;
  selected: ReadonlySet<string>;
  onToggle: (voterKey: string) => void;
}) {
  return (
    <ul className={styles.ballots}>
      {cases.map((c) => (
        <li key={c.voterKey}>
          <Checkbox
            label={`Ballot ${numbers.get(c.voterKey) ?? "?"}`}
            hint={<Evidence ballot={c} />}
            checked={selected.has(c.voterKey)}
            onCheckedChange={() => onToggle(c.voterKey)}
          />
        </li>
      ))}
    </ul>
  );
}

/** One ballot's evidence in a line ("cast 14:02:05 · Automated browser, New account · risk score 75 · …"). */
export function Evidence({ ballot }: { ballot: Case }) {
  const reasons = ballot.reasons.map((r) => holdReasonWords(r).label).join(", ");
  return (
    <>
      {ballot.castAt ? (
        <>
          cast <DateTime value={ballot.castAt} format="time" seconds />
        </>
      ) : (
        "cast at an unknown time"
      )}
      {" · "}
      {reasons || "no signal recorded"}
      {ballot.score === null ? null : ` · risk score ${ballot.score}`}
      {ballot.deviceId ? (
        <>
          {" · "}
          <span title={`Device ${ballot.deviceId}`}>device {shortId(ballot.deviceId)}</span>
        </>
      ) : null}
      {ballot.networkBlock ? ` · address block ${ballot.networkBlock}` : null}
    </>
  );
}
