"use client";

import { useId, useState } from "react";
import { buttonAfterMove, useFocusAfterMove } from "@landslide/ui/focus-after-move";
import { useTranslations } from "next-intl";
import type { OptionDraft, QuestionDraft } from "./draft";
import { type Draws, drawOrder, withDrawMove } from "./recorded-draw";
import { legendLikeLabel } from "./styles";
import { LIMITS } from "./validate";

interface DrawOrderEditorProps {
  question: QuestionDraft;
  /** 1-based, to name a question not worded yet. */
  number: number;
  draws: Draws;
  /** Whether the form already tells the official this question is short of options (after a first try). */
  tooFewShown: boolean;
  onChange: (draws: Draws) => void;
}

/**
 * One question's recorded draw: its options in the order drawn, put in place with buttons, as the
 * voter ballot's ranking is (ballot-form.tsx), so that it works the same with a keyboard, a screen
 * reader and a finger; with a mouse, the options can also be dragged into place. The order starts
 * as the ballot's and is completed from the question as it is now (recorded-draw.ts).
 */
export function DrawOrderEditor({ question, number, draws, tooFewShown, onChange }: DrawOrderEditorProps) {
  const t = useTranslations();
  const labelId = useId();
  const [dragged, setDragged] = useState<number>();
  // Focus follows a move to the button for what comes next (focus-after-move.ts), and the
  // option's new place is said in a polite status.
  const { button, focusNext } = useFocusAfterMove();
  const [said, setSaid] = useState("");

  const name = question.prompt.trim() || t("form.question.heading", { number });
  // An option not labelled yet is named by its place on the ballot, as the question editor names it.
  const label = (option: OptionDraft) =>
    option.label.trim() || t("form.options.option", { number: question.options.indexOf(option) + 1 });
  const order = drawOrder(question, draws);
  const move = (from: number, to: number) => {
    const moved = order[from];
    if (!moved || to < 0 || to >= order.length || from === to) return;
    onChange(withDrawMove(draws, question, from, to));
    focusNext(`${moved.key}:${buttonAfterMove(from, to, order.length)}`);
    setSaid(t("form.ties.drawnItem", { position: to + 1, option: label(moved) }));
  };

  return (
    <div style={{ borderTop: "1px solid var(--line)", padding: "0.75rem 0 0" }}>
      <p id={labelId} style={{ ...legendLikeLabel, margin: 0 }}>
        {t("form.ties.drawOrder", { question: name })}
      </p>
      {question.options.length < LIMITS.minOptions ? (
        // Said as the question editor says it; counted there once, not again here.
        <p className={tooFewShown ? "bad" : "muted"}>{t("form.problems.tooFewOptions", { min: LIMITS.minOptions })}</p>
      ) : (
        <ol className="ranking" aria-labelledby={labelId}>
          {order.map((option, at) => (
            <li
              key={option.key}
              draggable
              onDragStart={() => setDragged(at)}
              onDragOver={(event) => event.preventDefault()}
              onDrop={(event) => {
                event.preventDefault();
                if (dragged !== undefined) move(dragged, at);
                setDragged(undefined);
              }}
              onDragEnd={() => setDragged(undefined)}
            >
              <span>{t("form.ties.drawnItem", { position: at + 1, option: label(option) })}</span>
              <button
                ref={button(`${option.key}:up`)}
                type="button"
                className="secondary"
                disabled={at === 0}
                onClick={() => move(at, at - 1)}
                aria-label={t("form.ties.moveUp", { option: label(option) })}
              >
                {t("form.itemActions.up")}
              </button>
              <button
                ref={button(`${option.key}:down`)}
                type="button"
                className="secondary"
                disabled={at === order.length - 1}
                onClick={() => move(at, at + 1)}
                aria-label={t("form.ties.moveDown", { option: label(option) })}
              >
                {t("form.itemActions.down")}
              </button>
            </li>
          ))}
        </ol>
      )}
      <p role="status" className="ls-visually-hidden">
        {said}
      </p>
    </div>
  );
}
