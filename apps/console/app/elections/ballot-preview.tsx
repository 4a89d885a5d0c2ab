"use client";

import { type ReactNode, useId } from "react";
import { choiceHint } from "./form/choice-bounds";
import type { ElectionDraft, OptionDraft, QuestionDraft } from "./form/draft";

/**
 * The draft as voters will see it on the voter site's ballot (apps/voter-web ballot-form.tsx):
 * a fieldset per question with the same hint, radios for single choice, checkboxes for multiple
 * choice, the options to rank, and the abstain box. Everything is disabled: it only shows.
 */
export function BallotPreview({ draft, heading }: { draft: ElectionDraft; heading?: string }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{heading ?? "Preview as voters see it"}</h2>
      <p className="muted">
        {heading ? "Nothing here can be chosen." : "Follows the form as you type; nothing here can be chosen."}
      </p>
      <h3>{draft.title.trim() || <Missing>Untitled election</Missing>}</h3>
      {draft.description.trim() ? <p>{draft.description}</p> : null}
      {draft.questions.map((question) => (
        <PreviewQuestion key={question.key} question={question} allowAbstain={draft.allowAbstain} />
      ))}
    </section>
  );
}

function PreviewQuestion({ question, allowAbstain }: { question: QuestionDraft; allowAbstain: boolean }) {
  // Names of their own, so that the preview's radios never group with anything else on the page.
  const groupId = useId();
  const hintId = `${groupId}-hint`;
  return (
    <fieldset className="question" disabled aria-describedby={hintId}>
      <legend>{question.prompt.trim() || <Missing>Question not written yet</Missing>}</legend>
      <p id={hintId} className="muted">
        {choiceHint(question)}
      </p>
      {question.kind === "ranked" ? (
        <ol
          className="ranking"
          aria-label={`Options to rank${question.prompt.trim() ? ` for: ${question.prompt.trim()}` : ""}`}
        >
          {question.options.map((option, index) => (
            <li key={option.key}>
              <span>
                <OptionLabel option={option} index={index} />
              </span>
            </li>
          ))}
        </ol>
      ) : (
        question.options.map((option, index) => (
          <label key={option.key} className="choice">
            <input type={question.kind === "single" ? "radio" : "checkbox"} name={groupId} value={option.key} />
            <OptionLabel option={option} index={index} />
          </label>
        ))
      )}
      {allowAbstain ? (
        <label className="choice">
          <input type="checkbox" />
          Abstain on this question
        </label>
      ) : null}
    </fieldset>
  );
}

function OptionLabel({ option, index }: { option: OptionDraft; index: number }) {
  return option.label.trim() ? <>{option.label.trim()}</> : <Missing>Option {index + 1} has no label yet</Missing>;
}

/** Where the draft has nothing yet: visibly a placeholder, not text voters would read. */
function Missing({ children }: { children: ReactNode }) {
  return <em className="muted">{children}</em>;
}
