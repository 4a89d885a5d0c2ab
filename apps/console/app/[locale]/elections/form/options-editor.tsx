"use client";

import { useRef } from "react";
import { useTranslations } from "next-intl";
import { withOptions } from "./choice-bounds";
import { emptyOption, type OptionDraft, type QuestionDraft } from "./draft";
import { ItemActions } from "./item-actions";
import { moveItem, removeAt, replaceAt } from "./list-edits";
import { legendLikeLabel, plainFieldset, plainList } from "./styles";
import { TextField } from "./text-field";
import { LIMITS, type QuestionProblems } from "./validate";

interface OptionsEditorProps {
  question: QuestionDraft;
  /** 1-based, to name this question's "Add an option" button. */
  questionNumber: number;
  problems: QuestionProblems | undefined;
  onChange: (question: QuestionDraft) => void;
}

/** A question's options: label and id of each, in the order voters see them. */
export function OptionsEditor({ question, questionNumber, problems, onChange }: OptionsEditorProps) {
  const t = useTranslations("form.options");
  const addButtonRef = useRef<HTMLButtonElement>(null);
  // Every change of the list goes through withOptions, which keeps the choice bounds consistent with it.
  const setOptions = (options: readonly OptionDraft[]) => onChange(withOptions(question, options));
  const setOption = (index: number, option: OptionDraft) => setOptions(replaceAt(question.options, index, option));
  const remove = (index: number) => {
    setOptions(removeAt(question.options, index));
    // The removed row took the focused button with it; the add button is the natural next step.
    addButtonRef.current?.focus();
  };
  const listError = problems?.options;
  return (
    <fieldset style={plainFieldset}>
      <legend style={legendLikeLabel}>{t("legend")}</legend>
      <p className="muted" style={{ marginTop: 0 }}>
        {t("order")}
      </p>
      <ol style={plainList}>
        {question.options.map((option, index) => {
          const found = problems?.byOption[option.key];
          return (
            <li key={option.key} style={{ borderTop: "1px solid var(--line)", padding: "0.75rem 0" }}>
              <TextField
                label={t("option", { number: index + 1 })}
                value={option.label}
                required
                error={found?.label}
                onChange={(label) => setOption(index, { ...option, label })}
              />
              <ItemActions
                noun="option"
                text={option.label}
                index={index}
                count={question.options.length}
                onMove={(to) => setOptions(moveItem(question.options, index, to))}
                onRemove={() => remove(index)}
              />
            </li>
          );
        })}
      </ol>
      {listError ? <p className="bad">{listError}</p> : null}
      {question.options.length < LIMITS.options ? (
        <button
          ref={addButtonRef}
          type="button"
          className="secondary"
          onClick={() => setOptions([...question.options, emptyOption()])}
          aria-label={t("addTo", { number: questionNumber })}
        >
          {t("add")}
        </button>
      ) : (
        <p className="muted">{t("atMost", { max: LIMITS.options })}</p>
      )}
    </fieldset>
  );
}
