"use client";

import { useTranslations } from "next-intl";
import type { QuestionDraft } from "./draft";
import { plainList } from "./styles";
import { type DraftProblems, questionMessageCount } from "./validate";

/**
 * Which question the builder shows: one button per question, named by its number and wording,
 * the current one marked (aria-current) and any that needs fixing said so in words, not colour.
 */
export function QuestionPicker({
  questions,
  problems,
  selectedKey,
  onSelect,
}: {
  questions: readonly QuestionDraft[];
  problems: DraftProblems;
  selectedKey: string | undefined;
  onSelect: (key: string) => void;
}) {
  const t = useTranslations("form.picker");
  if (questions.length < 2) return null;
  return (
    <nav aria-label={t("label")}>
      <ol style={{ ...plainList, display: "flex", flexWrap: "wrap", gap: "0.5rem", margin: "0 0 1rem" }}>
        {questions.map((question, index) => {
          const current = question.key === selectedKey;
          const fix = questionMessageCount(problems.byQuestion[question.key]);
          return (
            <li key={question.key} style={{ maxWidth: "100%" }}>
              <button
                type="button"
                className={current ? undefined : "secondary"}
                aria-current={current ? "step" : undefined}
                onClick={() => onSelect(question.key)}
                style={{ maxWidth: "100%", overflowWrap: "anywhere", textAlign: "start" }}
              >
                {t(fix > 0 ? "itemNeedsFixing" : "item", {
                  number: index + 1,
                  prompt: question.prompt.trim() ? shortened(question.prompt.trim()) : t("notWritten"),
                })}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** A long wording cut to what fits on a button; the editor below shows it whole. */
function shortened(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
