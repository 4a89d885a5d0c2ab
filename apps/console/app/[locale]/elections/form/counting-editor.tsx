"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { CountField } from "./choice-bounds-editor";
import { countingPreview, fillsSeveralSeats, methodChoices, withMethod } from "./counting-choices";
import type { CountingDraft, QuestionDraft } from "./draft";
import { RuleChoices } from "./rule-choices";
import { legendLikeLabel, wrappingChoice, wrappingChoiceInput } from "./styles";
import { FieldError } from "./text-field";
import type { QuestionProblems } from "./validate";

interface CountingEditorProps {
  question: QuestionDraft;
  problems: QuestionProblems | undefined;
  onChange: (question: QuestionDraft) => void;
}

/**
 * How one question is counted: the methods that read its kind's ballots (a kind with one shows it
 * as a sentence), the seats when the method may fill several, batch elimination for instant
 * runoff, and one sentence saying what the choice means for this question.
 */
export function CountingEditor({ question, problems, onChange }: CountingEditorProps) {
  const t = useTranslations();
  const methodsId = useId();
  const seatsErrorId = useId();
  const previewId = useId();
  const { counting } = question;
  const edit = (change: CountingDraft) => onChange({ ...question, counting: change });
  const choices = methodChoices(question.kind, t);
  const preview = countingPreview(question, t);
  // Shown too for a method that fills one seat when the seats say otherwise, so the problem can be fixed where it is told.
  const showSeats = fillsSeveralSeats(counting.method) || counting.seats !== 1;
  return (
    <div style={{ marginBottom: "1rem" }}>
      {/* One method is told, not offered; unless the method held does not fit, which a radio then fixes. */}
      {choices.length > 1 || problems?.method ? (
        <RuleChoices
          legend={t("form.counting.legend")}
          name={methodsId}
          choices={choices}
          value={counting.method}
          error={problems?.method}
          onChange={(method) => edit(withMethod(counting, method))}
        />
      ) : (
        <OnlyMethod legend={t("form.counting.legend")} choice={choices[0]} />
      )}
      {showSeats ? (
        <>
          <CountField
            label={t("form.counting.seats")}
            value={counting.seats}
            max={question.options.length - 1}
            invalid={!!problems?.seats}
            // The preview too: the official hears what the number they type means.
            describedBy={
              [problems?.seats ? seatsErrorId : undefined, preview ? previewId : undefined].filter(Boolean).join(" ") ||
              undefined
            }
            onChange={(seats) => edit({ ...counting, seats })}
          />
          <FieldError id={seatsErrorId} message={problems?.seats} />
        </>
      ) : null}
      {counting.method === "instant-runoff" ? (
        <label className="choice" style={wrappingChoice}>
          <input
            type="checkbox"
            style={wrappingChoiceInput}
            checked={counting.batchElimination}
            onChange={(event) => edit({ ...counting, batchElimination: event.target.checked })}
          />
          <span>
            {t("form.counting.batchElimination")}{" "}
            <span className="muted" style={{ display: "block" }}>
              {t("form.counting.batchEliminationHint")}
            </span>
          </span>
        </label>
      ) : null}
      {preview ? (
        <p id={previewId} style={{ margin: "0.5rem 0 0" }}>
          {preview}
        </p>
      ) : null}
    </div>
  );
}

/** A kind read by one method only: nothing to choose, but the official still learns how it is counted. */
function OnlyMethod({ legend, choice }: { legend: string; choice: { label: string; hint: string } | undefined }) {
  if (!choice) return null;
  return (
    <div style={{ marginBottom: "0.5rem" }}>
      <p style={{ ...legendLikeLabel, margin: 0 }}>{legend}</p>
      <p style={{ margin: 0 }}>
        {choice.label}{" "}
        <span className="muted" style={{ display: "block" }}>
          {choice.hint}
        </span>
      </p>
    </div>
  );
}
