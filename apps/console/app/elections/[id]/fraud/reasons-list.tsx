import { holdReasonWords } from "@landslide/api/client";
import { type Case, reasonCounts } from "./review-lists";
import styles from "./fraud-review.module.css";

/** Why these ballots were held: each reason in words, what it means, and how many it concerns. */
export function ReasonsList({ members }: { members: readonly Case[] }) {
  const counts = reasonCounts(members);
  if (counts.length === 0) return <p>No signal was recorded for these ballots.</p>;
  return (
    <ul className={styles.reasons}>
      {counts.map(([reason, n]) => {
        const words = holdReasonWords(reason);
        return (
          <li key={reason}>
            <strong>{words.label}</strong> ({n} of {members.length})
            {words.help ? <span className={styles.help}>{words.help}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

/** The two commonest reasons, for a summary line: "Automated browser (3), New account (2)". */
export function topReasons(members: readonly Case[]): string {
  return reasonCounts(members)
    .slice(0, 2)
    .map(([reason, n]) => `${holdReasonWords(reason).label} (${n})`)
    .join(", ");
}
