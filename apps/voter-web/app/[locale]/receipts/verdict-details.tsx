import { useTranslations } from "next-intl";
import { DateTime } from "@landslide/ui/components";
import type { Verdict } from "./verdict";

/**
 * The proof behind a verdict, for whoever wants to check it by hand: where the ballot sits in the
 * election's log, the signed batch ("epoch") that seals it, and the inclusion proof. Folded away
 * under "Details for experts": a voter's answer is the sentence above it.
 */
export function VerdictDetails({ verdict }: { verdict: Verdict }) {
  const t = useTranslations("verdictDetails");
  const { standing, proofProblem } = verdict;
  if (standing.status !== "included" && standing.status !== "logged") return null;
  const { record } = standing;
  return (
    <details>
      <summary>{t("experts")}</summary>
      <dl className="receipt" style={{ overflowWrap: "anywhere" }}>
        <dt>{t("electionId")}</dt>
        <dd>{record.electionId}</dd>
        <dt>{t("position")}</dt>
        <dd style={{ fontFamily: "inherit" }}>{t("record", { seq: record.seq })}</dd>
        {standing.status === "included" ? (
          <>
            <dt>{t("sealedIn")}</dt>
            <dd style={{ fontFamily: "inherit" }}>
              {t.rich("sealed", {
                epoch: standing.epoch.statement.epoch,
                when: () => <DateTime value={standing.epoch.statement.sealedAt} seconds />,
              })}
            </dd>
            <dt>{t("root")}</dt>
            <dd>{standing.epoch.statement.root}</dd>
            <dt>{t("proof")}</dt>
            <dd style={{ fontFamily: "inherit" }}>
              {t("proofSize", {
                hashes: standing.proof.path.length,
                position: standing.proof.index + 1,
                size: standing.proof.treeSize,
              })}
            </dd>
            <dt>{t("browserCheck")}</dt>
            <dd style={{ fontFamily: "inherit" }}>{proofProblem ? proofProblem : t("holds")}</dd>
          </>
        ) : (
          <>
            <dt>{t("sealedIn")}</dt>
            <dd style={{ fontFamily: "inherit" }}>{t("notYet")}</dd>
          </>
        )}
      </dl>
    </details>
  );
}
