"use client";

import { useTranslations } from "next-intl";
import { DrawOrderEditor } from "./draw-order-editor";
import type { QuestionDraft, TieRuleDraft } from "./draft";
import { RuleChoices } from "./rule-choices";
import { TextField } from "./text-field";
import { randomSeed, SEED_LIMITS, tieRuleChoices } from "./tie-rule-choices";
import type { QuestionProblems } from "./validate";

interface TieRuleEditorProps {
  tieRule: TieRuleDraft;
  /** The ballot's questions, whose options a recorded draw orders. */
  questions: readonly QuestionDraft[];
  /** The seed's problem when ties go by lot. */
  seedError: string | undefined;
  /** The problems shown on the questions, by key: a question short of options is told in its draw too. */
  questionProblems: Readonly<Record<string, QuestionProblems>>;
  onChange: (tieRule: TieRuleDraft) => void;
}

/**
 * How the election settles ties: by option order, by lot from a seed typed or made here, or by a
 * draw an official made, recorded here question by question.
 */
export function TieRuleEditor({ tieRule, questions, seedError, questionProblems, onChange }: TieRuleEditorProps) {
  const t = useTranslations();
  return (
    // Set apart from the questions above: it applies to all of them.
    <div style={{ marginTop: "1.5rem" }}>
      <RuleChoices
        legend={t("form.ties.legend")}
        description={t("form.ties.explained")}
        name="tieRule"
        choices={tieRuleChoices(t)}
        value={tieRule.rule}
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
      {tieRule.rule === "recorded-draw" ? (
        <div style={{ marginBottom: "1rem" }}>
          <p>{t("form.ties.drawIntro")}</p>
          {questions.map((question, index) => (
            <DrawOrderEditor
              key={question.key}
              question={question}
              number={index + 1}
              draws={tieRule.draws}
              tooFewShown={questionProblems[question.key]?.options !== undefined}
              onChange={(draws) => onChange({ ...tieRule, draws })}
            />
          ))}
        </div>
      ) : null}
    </div>
  );
}
