import { countOf } from "@landslide/api/client";
import { formatDateTime, toIsoString } from "@landslide/ui/date-time";
import type { Verdict } from "./verdict";

/**
 * The proof behind a verdict, for whoever wants to check it by hand: where the ballot sits in the
 * election's log, the signed batch ("epoch") that seals it, and the inclusion proof. Folded away
 * under "Details for experts": a voter's answer is the sentence above it.
 */
export function VerdictDetails({ verdict }: { verdict: Verdict }) {
  const { standing, proofProblem } = verdict;
  if (standing.status !== "included" && standing.status !== "logged") return null;
  const { record } = standing;
  return (
    <details>
      <summary>Details for experts</summary>
      <dl className="receipt" style={{ overflowWrap: "anywhere" }}>
        <dt>Election identifier</dt>
        <dd>{record.electionId}</dd>
        <dt>Position in the election&apos;s audit log</dt>
        <dd style={{ fontFamily: "inherit" }}>record {record.seq.toLocaleString("en")}</dd>
        {standing.status === "included" ? (
          <>
            <dt>Sealed in</dt>
            <dd style={{ fontFamily: "inherit" }}>
              batch (epoch) {standing.epoch.statement.epoch}, signed{" "}
              <time dateTime={toIsoString(standing.epoch.statement.sealedAt)}>
                {formatDateTime(standing.epoch.statement.sealedAt, { seconds: true })}
              </time>
            </dd>
            <dt>Signed root of the batch</dt>
            <dd>{standing.epoch.statement.root}</dd>
            <dt>Inclusion proof</dt>
            <dd style={{ fontFamily: "inherit" }}>
              {countOf(standing.proof.path.length, "sibling hash", "sibling hashes")}; record{" "}
              {(standing.proof.index + 1).toLocaleString("en")} of {standing.proof.treeSize.toLocaleString("en")} in the
              batch
            </dd>
            <dt>Your browser&apos;s check of the proof</dt>
            <dd style={{ fontFamily: "inherit" }}>
              {proofProblem ? proofProblem : "It holds: the record leads to the signed root."}
            </dd>
          </>
        ) : (
          <>
            <dt>Sealed in</dt>
            <dd style={{ fontFamily: "inherit" }}>not yet: the next batch seals it within seconds</dd>
          </>
        )}
      </dl>
    </details>
  );
}
