"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { ChoiceBoundsEditor } from "./choice-bounds-editor";
import { withKind } from "./choice-bounds";
import { CountingEditor } from "./counting-editor";
import type { QuestionDraft, QuestionKind } from "./draft";
import { AdvancedIds } from "./advanced-ids";
import { ItemActions } from "./item-actions";
import { OptionsEditor } from "./options-editor";
import { ScoreRangeEditor } from "./score-range-editor";
import { select } from "./styles";
import { TextField } from "./text-field";
import type { QuestionProblems } from "./validate";

const KINDS: readonly QuestionKind[] = ["single", "multi", "ranked", "score"];

interface QuestionEditorProps {
  question: QuestionDraft;
  /** The id the API will get (derived from the prompt unless typed). */
  id: string;
  index: number;
  count: number;
  problems: QuestionProblems | undefined;
  onChange: (question: QuestionDraft) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/**
 * One question: its kind, prompt, options, how many of them a voter picks (or, for scores, the
 * range voters score in), how it is counted, and (under "Advanced") its ids.
 */
export function QuestionEditor({
  question,
  id,
  index,
  count,
  problems,
  onChange,
  onMove,
  onRemove,
}: QuestionEditorProps) {
  const t = useTranslations("form.question");
  const headingId = useId();
  const kindId = useId();
  const number = index + 1;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("heading", { number })}</h3>
      <div style={{ marginBottom: "1rem" }}>
        <label htmlFor={kindId}>{t("kind")}</label>
        <select
          id={kindId}
          value={question.kind}
          // Changing the kind resets the choice bounds to that kind's defaults, and a counting method
          // that cannot read its ballots to the kind's own (see choice-bounds.ts).
          onChange={(event) => onChange(withKind(question, event.target.value as QuestionKind))}
          style={select}
        >
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        label={t("wording", { number })}
        value={question.prompt}
        required
        error={problems?.prompt}
        onChange={(prompt) => onChange({ ...question, prompt })}
      />
      <OptionsEditor question={question} questionNumber={number} problems={problems} onChange={onChange} />
      {question.kind === "score" ? (
        <ScoreRangeEditor question={question} error={problems?.scoreRange} onChange={onChange} />
      ) : (
        <ChoiceBoundsEditor question={question} error={problems?.bounds} onChange={onChange} />
      )}
      <CountingEditor question={question} problems={problems} onChange={onChange} />
      <AdvancedIds question={question} id={id} number={number} problems={problems} onChange={onChange} />
      <ItemActions
        noun="question"
        text={question.prompt}
        index={index}
        count={count}
        onMove={onMove}
        onRemove={onRemove}
      />
    </section>
  );
}
