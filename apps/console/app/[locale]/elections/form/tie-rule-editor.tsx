"use client";

import { useTranslations } from "next-intl";
import type { TieRuleDraft } from "./draft";
import { RuleChoices } from "./rule-choices";
import { TextField } from "./text-field";
import { randomSeed, SEED_LIMITS, tieRuleChoices } from "./tie-rule-choices";

interface TieRuleEditorProps {
  tieRule: TieRuleDraft;
  /** The seed's problem when ties go by lot, the draw's when by a recorded draw. */
  seedError: string | undefined;
  drawError: string | undefined;
  onChange: (tieRule: TieRuleDraft) => void;
}

/** How the election settles ties: by option order, or by lot from a seed typed or made here. */
export function TieRuleEditor({ tieRule, seedError, drawError, onChange }: TieRuleEditorProps) {
  const t = useTranslations();
  return (
    // Set apart from the questions above: it applies to all of them.
    <div style={{ marginTop: "1.5rem" }}>
      <RuleChoices
        legend={t("form.ties.legend")}
        description={t("form.ties.explained")}
        name="tieRule"
        choices={tieRuleChoices(tieRule, t)}
        value={tieRule.rule}
        error={tieRule.rule === "recorded-draw" ? drawError : undefined}
        onChange={(rule) => onChange({ ...tieRule, rule })}
      />
      {tieRule.rule === "lot" ? (
        <div style={{ marginBottom: "1rem" }}>
          <TextField
            label={t("form.ties.seed")}
            hint={t("form.ties.seedHint", SEED_LIMITS)}
            value={tieRule.seed}
            required
            error={seedError}
            onChange={(seed) => onChange({ ...tieRule, seed })}
            style={{ marginBottom: "0.5rem" }}
          />
          <button type="button" className="secondary" onClick={() => onChange({ ...tieRule, seed: randomSeed() })}>
            {t("form.ties.randomSeed")}
          </button>
        </div>
      ) : null}
    </div>
  );
}
