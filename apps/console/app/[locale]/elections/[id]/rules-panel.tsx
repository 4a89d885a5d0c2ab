"use client";

import type { CSSProperties } from "react";
import { useTranslations } from "next-intl";
import { Link } from "@landslide/ui/i18n/navigation";
import { eligibilityChoices, passkeyPolicyChoices, type RuleChoice, ruleChoice } from "../election-rules";
import { countingPreview } from "../form/counting-choices";
import { draftOf } from "../form/draft";
import { optionOrderChoices } from "../form/option-order-choices";
import { tieRuleChoices } from "../form/tie-rule-choices";
import { ballotEditable } from "./election-tabs";
import type { OfficialElection } from "./official-election";

/**
 * Who may vote, from which devices, whether they may abstain, how each question is counted, the
 * order of the options on each ballot and how ties are settled: in the form's own words.
 */
export function RulesPanel({ election }: { election: OfficialElection }) {
  const t = useTranslations();
  const editable = ballotEditable(election.status);
  // The form's reading of the stored election: the same sentences the official saw when choosing.
  const draft = draftOf(election);
  const { tieRule } = draft;
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
        <dt style={term}>{t("form.counting.legend")}</dt>
        <dd style={value}>
          <ul style={{ margin: 0, paddingInlineStart: "1.25rem" }}>
            {draft.questions.map((question, at) => (
              <li key={question.key}>
                <bdi>{election.questions[at]?.prompt}</bdi>
                <span className="muted" style={{ display: "block" }}>
                  {countingPreview(question, t)}
                </span>
              </li>
            ))}
          </ul>
        </dd>
        <dt style={term}>{t("form.optionOrder.legend")}</dt>
        <Rule choice={ruleChoice(optionOrderChoices(t), draft.optionOrder.rule)} />
        <dt style={term}>{t("form.ties.legend")}</dt>
        <Rule choice={ruleChoice(tieRuleChoices(t), tieRule.rule)} />
        {tieRule.rule === "lot" ? (
          <dd style={value}>
            {t("form.ties.seed")}: <code dir="ltr">{tieRule.seed}</code>
          </dd>
        ) : null}
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
