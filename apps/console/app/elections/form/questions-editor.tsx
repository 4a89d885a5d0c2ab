"use client";

import { useRef } from "react";
import { questionIds } from "./derived-ids";
import { emptyQuestion, type QuestionDraft } from "./draft";
import { moveItem, removeAt, replaceAt } from "./list-edits";
import { QuestionEditor } from "./question-editor";
import { plainList } from "./styles";
import { LIMITS, type DraftProblems } from "./validate";

interface QuestionsEditorProps {
  questions: readonly QuestionDraft[];
  problems: DraftProblems;
  onChange: (questions: readonly QuestionDraft[]) => void;
}

/** The ballot's questions, in the order voters answer them. */
export function QuestionsEditor({ questions, problems, onChange }: QuestionsEditorProps) {
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const ids = questionIds({ questions });
  const remove = (index: number) => {
    onChange(removeAt(questions, index));
    // The removed question took the focused button with it.
    addButtonRef.current?.focus();
  };
  return (
    <>
      <ol style={plainList}>
        {questions.map((question, index) => (
          <li key={question.key}>
            <QuestionEditor
              question={question}
              id={ids[index] ?? ""}
              index={index}
              count={questions.length}
              problems={problems.byQuestion[question.key]}
              onChange={(changed) => onChange(replaceAt(questions, index, changed))}
              onMove={(to) => onChange(moveItem(questions, index, to))}
              onRemove={() => remove(index)}
            />
          </li>
        ))}
      </ol>
      {problems.questions ? <p className="bad">{problems.questions}</p> : null}
      {questions.length < LIMITS.questions ? (
        <button
          ref={addButtonRef}
          type="button"
          className="secondary"
          onClick={() => onChange([...questions, emptyQuestion()])}
        >
          Add a question
        </button>
      ) : (
        <p className="muted">An election has at most {LIMITS.questions} questions.</p>
      )}
    </>
  );
}
