"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { Translate } from "../../../../i18n/english";
import type { ElectionOnPage } from "../../../../lib/election-content";
import type { Answer, Answers } from "./ballot-form";
import { scoresInWords } from "./score-answer";

type Election = ElectionOnPage;
type Question = Election["questions"][number];

/**
 * One answer in words: "abstain", the options chosen, a ranking with its places ("1. Ada, 2. Bo"),
 * or every option's score ("Nashville: 5 of 5, Memphis: 0 of 5").
 */
export function answerInWords(
  q: Pick<Question, "kind" | "options" | "scoreRange">,
  a: Answer | undefined,
  t: Translate,
): string {
  if (a === "abstain") return t("review.abstain");
  if (q.kind === "score") return scoresInWords(q, a, t);
  const labels = (Array.isArray(a) ? a : []).map((id) => q.options.find((o) => o.id === id)?.label ?? id);
  return q.kind === "ranked"
    ? labels.map((l, i) => t("review.rankedItem", { position: i + 1, option: l })).join(t("review.separator"))
    : labels.join(t("review.separator"));
}

/**
 * The ballot read back in words before it is cast, with the way back to change it. It replaces the
 * form whose button was pressed: focus goes to its heading, where reading it starts. While the
 * ballot is sent the buttons say they are busy (aria-disabled, not disabled: a disabled button
 * loses focus, and the keyboard would start again from the top of the page).
 */
export function BallotReview({
  election,
  answers,
  sending,
  onChange,
  onCast,
}: {
  election: Election;
  answers: Answers;
  sending: boolean;
  onChange: () => void;
  onCast: () => void;
}) {
  const t = useTranslations("review");
  const say = useTranslations();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const unlessSending = (action: () => void) => () => {
    if (!sending) action();
  };
  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading" ref={headingRef} tabIndex={-1}>
        {t("heading")}
      </h2>
      <ul className="card">
        {election.questions.map((q) => (
          <li key={q.id}>
            {t.rich("answer", {
              prompt: q.prompt,
              answer: answerInWords(q, answers[q.id], say),
              question: (prompt) => (
                <strong>
                  <bdi lang={q.promptLang}>{prompt}</bdi>
                </strong>
              ),
            })}
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="secondary" onClick={unlessSending(onChange)} aria-disabled={sending}>
          {t("change")}
        </button>
        <button type="button" onClick={unlessSending(onCast)} aria-disabled={sending} aria-busy={sending}>
          {t("cast")}
        </button>
      </div>
    </section>
  );
}
