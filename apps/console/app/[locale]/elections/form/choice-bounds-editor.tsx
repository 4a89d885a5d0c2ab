"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import type { QuestionDraft } from "./draft";
import { fieldRow, legendLikeLabel, plainFieldset } from "./styles";
import { FieldError } from "./text-field";

interface ChoiceBoundsEditorProps {
  question: QuestionDraft;
  error: string | undefined;
  onChange: (question: QuestionDraft) => void;
}

/** How many options a voter picks (multi) or ranks (ranked); a single-choice question has nothing to set. */
export function ChoiceBoundsEditor({ question, error, onChange }: ChoiceBoundsEditorProps) {
  const errorId = useId();
  const t = useTranslations("form.bounds");
  if (question.kind === "single") return <p className="muted">{t("single")}</p>;
  return (
    <fieldset style={plainFieldset}>
      <legend style={legendLikeLabel}>{question.kind === "ranked" ? t("legendRanked") : t("legendMulti")}</legend>
      <div style={fieldRow}>
        <CountField
          label={t("atLeast")}
          value={question.minChoices}
          max={question.options.length}
          invalid={!!error}
          describedBy={error ? errorId : undefined}
          onChange={(minChoices) => onChange({ ...question, minChoices })}
        />
        <CountField
          label={t("atMost")}
          value={question.maxChoices}
          max={question.options.length}
          invalid={!!error}
          describedBy={error ? errorId : undefined}
          onChange={(maxChoices) => onChange({ ...question, maxChoices })}
        />
      </div>
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}

interface CountFieldProps {
  label: string;
  value: number;
  max: number;
  invalid: boolean;
  describedBy: string | undefined;
  onChange: (value: number) => void;
}

/** A small whole-number field; empty is NaN, so the official can clear it and type another number. */
export function CountField({ label, value, max, invalid, describedBy, onChange }: CountFieldProps) {
  const id = useId();
  return (
    <div style={{ marginBottom: "0.5rem" }}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={Math.max(1, max)}
        step={1}
        value={Number.isNaN(value) ? "" : value}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value === "" ? Number.NaN : Number(event.target.value))}
        style={{ maxWidth: "7rem" }}
      />
    </div>
  );
}
