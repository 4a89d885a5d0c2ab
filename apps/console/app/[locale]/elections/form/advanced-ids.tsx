"use client";

import { useTranslations } from "next-intl";
import { optionIds } from "./derived-ids";
import type { QuestionDraft } from "./draft";
import { IdField } from "./id-field";
import { replaceAt } from "./list-edits";
import { hasIdProblem, type QuestionProblems } from "./validate";

interface AdvancedIdsProps {
  question: QuestionDraft;
  /** The question's id as the API will get it (derived from the prompt unless typed). */
  id: string;
  number: number;
  problems: QuestionProblems | undefined;
  onChange: (question: QuestionDraft) => void;
}

/**
 * The ids results files and the CLI show, out of the way: most officials never need them, since
 * each is made from its text. Opened by itself when an id is refused, so the problem is never
 * hidden; it stays open once opened.
 */
export function AdvancedIds({ question, id, number, problems, onChange }: AdvancedIdsProps) {
  const t = useTranslations("form.advanced");
  const ids = optionIds(question);
  const forced = hasIdProblem(problems);
  return (
    <details open={forced || undefined} style={{ margin: "0 0 1rem" }}>
      <summary>{t("summary")}</summary>
      <p className="muted">{t("intro")}</p>
      <IdField
        label={t("questionId", { number })}
        value={id}
        derivedFrom="prompt"
        custom={question.customId !== null}
        error={problems?.id}
        onChange={(typed) => onChange({ ...question, customId: typed })}
        onDerive={() => onChange({ ...question, customId: null })}
      />
      {question.options.map((option, index) => (
        <IdField
          key={option.key}
          label={
            option.label.trim()
              ? t("optionIdNamed", { number: index + 1, label: option.label.trim() })
              : t("optionId", { number: index + 1 })
          }
          value={ids[index] ?? ""}
          derivedFrom="label"
          custom={option.customId !== null}
          error={problems?.byOption[option.key]?.id}
          onChange={(typed) =>
            onChange({ ...question, options: replaceAt(question.options, index, { ...option, customId: typed }) })
          }
          onDerive={() =>
            onChange({ ...question, options: replaceAt(question.options, index, { ...option, customId: null }) })
          }
        />
      ))}
    </details>
  );
}
