"use client";

import { useRef } from "react";
import { useTranslations } from "next-intl";
import { questionIds } from "./derived-ids";
import { emptyQuestion, type QuestionDraft } from "./draft";
import { moveItem, removeAt, replaceAt } from "./list-edits";
import { QuestionEditor } from "./question-editor";
import { QuestionPicker } from "./question-picker";
import { LIMITS, type DraftProblems } from "./validate";

interface QuestionsEditorProps {
  questions: readonly QuestionDraft[];
  problems: DraftProblems;
  onChange: (questions: readonly QuestionDraft[]) => void;
  /** The question being edited; the form picks the first that needs fixing after a refused save. */
  selectedKey: string | undefined;
  onSelect: (key: string) => void;
}

/**
 * The ballot's questions, one at a time: a list of them in the order voters answer them (each
 * marked when it needs fixing), and the chosen one's editor. A long ballot stays a short page.
 */
export function QuestionsEditor({ questions, problems, onChange, selectedKey, onSelect }: QuestionsEditorProps) {
  const t = useTranslations("form.questions");
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const ids = questionIds({ questions });
  const index = Math.max(
    0,
    questions.findIndex((q) => q.key === selectedKey),
  );
  const question = questions[index];
  const remove = () => {
    const rest = removeAt(questions, index);
    onChange(rest);
    const next = rest[Math.min(index, rest.length - 1)];
    if (next) onSelect(next.key);
    // The removed question took the focused button with it.
    addButtonRef.current?.focus();
  };
  const add = () => {
    const added = emptyQuestion();
    onChange([...questions, added]);
    onSelect(added.key);
  };
  return (
    <>
      <QuestionPicker questions={questions} problems={problems} selectedKey={question?.key} onSelect={onSelect} />
      {question ? (
        <QuestionEditor
          key={question.key}
          question={question}
          id={ids[index] ?? ""}
          index={index}
          count={questions.length}
          problems={problems.byQuestion[question.key]}
          onChange={(changed) => onChange(replaceAt(questions, index, changed))}
          onMove={(to) => onChange(moveItem(questions, index, to))}
          onRemove={remove}
        />
      ) : null}
      {problems.questions ? <p className="bad">{problems.questions}</p> : null}
      {questions.length < LIMITS.questions ? (
        <button ref={addButtonRef} type="button" className="secondary" onClick={add}>
          {t("add")}
        </button>
      ) : (
        <p className="muted">{t("atMost", { max: LIMITS.questions })}</p>
      )}
    </>
  );
}
