"use client";

import { useId } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { QuestionDraft, ScoreRangeDraft } from "./draft";
import { HIGHEST_SCORES, LOWEST_SCORES } from "./score-range";
import { fieldRow, legendLikeLabel, plainFieldset, select } from "./styles";
import { FieldError } from "./text-field";

interface ScoreRangeEditorProps {
  question: QuestionDraft;
  error: string | undefined;
  onChange: (question: QuestionDraft) => void;
}

/**
 * The scores voters give each option of a score question, lowest to highest. Lists, not number
 * fields: the engine takes few values (0 or 1, up to 10), so nothing else can be typed; a lowest
 * not below the highest is left as chosen and validate.ts says so.
 */
export function ScoreRangeEditor({ question, error, onChange }: ScoreRangeEditorProps) {
  const t = useTranslations("form.scoreRange");
  const hintId = useId();
  const errorId = useId();
  const edit = (change: Partial<ScoreRangeDraft>) =>
    onChange({ ...question, scoreRange: { ...question.scoreRange, ...change } });
  return (
    <fieldset style={plainFieldset} aria-describedby={error ? `${hintId} ${errorId}` : hintId}>
      <legend style={legendLikeLabel}>{t("legend")}</legend>
      <p id={hintId} className="muted" style={{ margin: "0 0 0.25rem" }}>
        {t("hint")}
      </p>
      <div style={fieldRow}>
        <ScoreSelect
          label={t("lowest")}
          scores={LOWEST_SCORES}
          value={question.scoreRange.min}
          invalid={!!error}
          onChange={(min) => edit({ min })}
        />
        <ScoreSelect
          label={t("highest")}
          scores={HIGHEST_SCORES}
          value={question.scoreRange.max}
          invalid={!!error}
          onChange={(max) => edit({ max })}
        />
      </div>
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}

interface ScoreSelectProps {
  label: string;
  scores: readonly number[];
  value: number;
  invalid: boolean;
  onChange: (score: number) => void;
}

function ScoreSelect({ label, scores, value, invalid, onChange }: ScoreSelectProps) {
  const id = useId();
  const locale = useLocale();
  return (
    <div style={{ marginBottom: "0.5rem" }}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-invalid={invalid || undefined}
        onChange={(event) => onChange(Number(event.target.value))}
        // As narrow as the whole-number fields beside it elsewhere in the form (choice bounds, seats).
        style={{ ...select, maxWidth: "7rem" }}
      >
        {scores.map((score) => (
          <option key={score} value={score}>
            {score.toLocaleString(locale)}
          </option>
        ))}
      </select>
    </div>
  );
}
