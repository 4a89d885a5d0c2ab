"use client";

import type { CSSProperties } from "react";
import { useTranslations } from "next-intl";
import { Link } from "@landslide/ui/i18n/navigation";
import { eligibilityChoices, passkeyPolicyChoices, type RuleChoice, ruleChoice } from "../election-rules";
import { ballotEditable } from "./election-tabs";
import type { OfficialElection } from "./official-election";

/** Who may vote, from which devices, and whether they may abstain: in the form's own words. */
export function RulesPanel({ election }: { election: OfficialElection }) {
  const t = useTranslations();
  const editable = ballotEditable(election.status);
  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading">{t("rulesPanel.heading")}</h2>
      <dl>
        <dt style={term}>{t("electionForm.eligibility")}</dt>
        <Rule choice={ruleChoice(eligibilityChoices(t), election.eligibility)} />
        <dt style={term}>{t("electionForm.devices")}</dt>
        <Rule choice={ruleChoice(passkeyPolicyChoices(t), election.passkeyPolicy)} />
        <dt style={term}>{t("rulesPanel.abstaining")}</dt>
        <dd style={value}>{election.allowAbstain ? t("electionForm.allowAbstain") : t("rulesPanel.noAbstaining")}</dd>
      </dl>
      <p className="muted">
        {editable
          ? t.rich("rulesPanel.editable", {
              link: (chunks) => <Link href={`/elections/${election.id}/ballot`}>{chunks}</Link>,
            })
          : t("rulesPanel.fixed")}
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
