"use client";

import { useTranslations } from "next-intl";
// The name alone: the results module would bring its charts into the ballot page’s first load.
import { methodInWords } from "@landslide/ui/method-words";
import { buttonAfterMove, useFocusAfterMove } from "@landslide/ui/focus-after-move";
import { type UiText, useUiText } from "@landslide/ui/ui-text";
import { type Ref, useState } from "react";
import type { Translate } from "../../../../i18n/english";
import type { ElectionOnPage } from "../../../../lib/election-content";
import { orderNote } from "./ordered-options";
import { USUAL_METHOD } from "@landslide/api/client";
import { type ScoreAnswer, scoreAnswered, scoreRangeOf, scoresIn, scoresOf, withScore } from "./score-answer";

type Election = ElectionOnPage;
type Question = Election["questions"][number];
/**
 * One question's answer: the chosen option ids (in preference order when ranked), a score
 * question's scores, or an abstention.
 */
export type Answer = string[] | ScoreAnswer | "abstain";
/** Per question, its answer. */
export type Answers = Record<string, Answer>;

/** What a question's answer is before the voter gives one, or after they take back an abstention. */
const emptyAnswer = (q: Pick<Question, "kind">): Answer => (q.kind === "score" ? { scores: {} } : []);

/** Why the ballot cannot be reviewed yet, per question (in the page's language); empty when it can. */
export function ballotProblems(
  election: Pick<Election, "questions">,
  answers: Answers,
  t: Translate,
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const q of election.questions) {
    const answer = answers[q.id] ?? emptyAnswer(q);
    if (answer === "abstain") continue;
    if (q.kind === "score") {
      // A score question's minChoices and maxChoices mean nothing: any option may be left out.
      const range = scoreRangeOf(q);
      if (!scoreAnswered(answer, range)) problems[q.id] = t("ballot.scoreAboveLowest", { min: range.min });
      continue;
    }
    const chosen = Array.isArray(answer) ? answer : [];
    if (chosen.length < q.minChoices)
      problems[q.id] =
        q.minChoices === 1 ? t("ballot.chooseAnOption") : t("ballot.chooseAtLeast", { count: q.minChoices });
    else if (chosen.length > q.maxChoices) problems[q.id] = t("ballot.chooseAtMost", { count: q.maxChoices });
  }
  return problems;
}

/** The ballot as the API takes it: a score question's scores as the voter gave them (the options left out score the lowest). */
export function toBallot(answers: Answers) {
  return {
    answers: Object.fromEntries(Object.entries(answers).map(([id, a]) => [id, answerToSend(a)])),
  };
}

function answerToSend(a: Answer) {
  if (a === "abstain") return { abstain: true as const };
  if (Array.isArray(a)) return { choices: a };
  return { scores: { ...a.scores } };
}

/** The questions, each one's options in the order given (the voter's, ordered-options.ts). */
export function BallotForm({
  election,
  answers,
  onChange,
  problems,
}: {
  election: Election;
  answers: Answers;
  onChange: (next: Answers) => void;
  problems: Record<string, string>;
}) {
  const t = useTranslations();
  // Once, under every question: why this voter's list may not be their neighbour's.
  const note = orderNote(election.optionOrder, t);
  return (
    <>
      {election.questions.map((q) => (
        <QuestionField
          key={q.id}
          question={q}
          answer={answers[q.id] ?? emptyAnswer(q)}
          allowAbstain={election.allowAbstain}
          problem={problems[q.id]}
          onChange={(a) => onChange({ ...answers, [q.id]: a })}
        />
      ))}
      {note ? <p className="muted">{note}</p> : null}
    </>
  );
}

/**
 * What stops the ballot from being reviewed, said as an alert when the voter asks to review it
 * (and focused, so the keyboard starts from it): each question with its problem, linked to it.
 */
export function BallotProblems({
  election,
  problems,
  ref,
}: {
  election: Election;
  problems: Record<string, string>;
  ref: Ref<HTMLDivElement>;
}) {
  const t = useTranslations("ballot");
  const unanswered = election.questions.filter((q) => problems[q.id]);
  if (unanswered.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="notice bad">
      <p style={{ margin: 0 }}>{t("problemsIntro")}</p>
      <ul>
        {unanswered.map((q) => (
          <li key={q.id}>
            <a href={`#question-${q.id}`}>
              {t.rich("problem", {
                prompt: q.prompt,
                problem: problems[q.id]!,
                question: (chunks) => <bdi lang={q.promptLang}>{chunks}</bdi>,
              })}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * How the question is counted, when that is not what its kind always meant (one winner by
 * plurality, approval, instant runoff or score voting): a voter ranking candidates for three seats
 * by STV should know before ranking, and a voter scoring for STAR that a runoff follows.
 */
function countingSentence(q: Question, t: ReturnType<typeof useTranslations<"ballot">>, uiText: UiText) {
  if (!q.counting || !needsCountingSentence(q.kind, q.counting)) return undefined;
  return t("countedBy", { method: methodInWords(q.counting.method, uiText), seats: q.counting.seats });
}

export function needsCountingSentence(kind: Question["kind"], counting: NonNullable<Question["counting"]>): boolean {
  return counting.seats > 1 || counting.method !== USUAL_METHOD[kind];
}

function QuestionField({
  question: q,
  answer,
  allowAbstain,
  problem,
  onChange,
}: {
  question: Question;
  answer: Answer;
  allowAbstain: boolean;
  problem: string | undefined;
  onChange: (a: Answer) => void;
}) {
  const t = useTranslations("ballot");
  const uiText = useUiText();
  const chosen = Array.isArray(answer) ? answer : [];
  const hint = hintOf(q, t);
  const counting = countingSentence(q, t, uiText);
  const hintId = `${q.id}-hint`;
  return (
    <fieldset
      id={`question-${q.id}`}
      className="question"
      aria-describedby={hintId}
      aria-invalid={problem ? true : undefined}
    >
      <legend>
        <bdi lang={q.promptLang}>{q.prompt}</bdi>
      </legend>
      <p id={hintId} className="muted">
        {hint} {counting ? `${counting} ` : null}
        {problem ? <strong className="bad">{problem}.</strong> : null}
      </p>
      {q.kind === "single"
        ? q.options.map((o) => (
            <label key={o.id} className="choice">
              <input
                type="radio"
                name={q.id}
                value={o.id}
                checked={chosen[0] === o.id}
                onChange={() => onChange([o.id])}
              />
              <span lang={o.labelLang}>{o.label}</span>
            </label>
          ))
        : null}
      {q.kind === "multi"
        ? q.options.map((o) => {
            const on = chosen.includes(o.id);
            return (
              <label key={o.id} className="choice">
                <input
                  type="checkbox"
                  name={q.id}
                  value={o.id}
                  checked={on}
                  disabled={!on && chosen.length >= q.maxChoices}
                  onChange={() => onChange(on ? chosen.filter((c) => c !== o.id) : [...chosen, o.id])}
                />
                <span lang={o.labelLang}>{o.label}</span>
              </label>
            );
          })
        : null}
      {q.kind === "ranked" ? <RankedField question={q} ranking={chosen} onChange={onChange} /> : null}
      {q.kind === "score" ? <ScoreField question={q} answer={answer} onChange={onChange} /> : null}
      {allowAbstain ? (
        <label className="choice">
          <input
            type="checkbox"
            checked={answer === "abstain"}
            onChange={() => onChange(answer === "abstain" ? emptyAnswer(q) : "abstain")}
          />
          {t("abstain")}
        </label>
      ) : null}
    </fieldset>
  );
}

/** What the voter is asked to do, under the prompt; a score question's also says what its lowest and highest scores mean. */
export function hintOf(
  q: Pick<Question, "kind" | "minChoices" | "maxChoices" | "scoreRange">,
  t: ReturnType<typeof useTranslations<"ballot">>,
): string {
  switch (q.kind) {
    case "single":
      return t("hintSingle");
    case "multi":
      return q.minChoices === q.maxChoices
        ? t("hintExactly", { count: q.minChoices })
        : t("hintBetween", { min: q.minChoices, max: q.maxChoices });
    case "ranked":
      return t("hintRanked", { max: q.maxChoices });
    case "score": {
      const { min, max } = scoreRangeOf(q);
      return `${t("hintScore", { min, max })} ${t("scoreEnds", { min, max })}`;
    }
  }
}

/**
 * A score for each option: one group of native radio buttons per option (its fieldset named by
 * the option), one button per score, so the arrow keys move within a group and Tab goes from
 * option to option. An option starts with no button pressed: it scores the lowest until scored.
 * Each button's column shrinks from 44 px to 26 px before the row wraps: eleven (0 to 10) stay on
 * one line in a question at 390 px wide, and wrap only on a narrower screen.
 */
function ScoreField({
  question: q,
  answer,
  onChange,
}: {
  question: Question;
  answer: Answer;
  onChange: (a: Answer) => void;
}) {
  const t = useTranslations("ballot");
  const scores = scoresOf(answer);
  const range = scoreRangeOf(q);
  return (
    <>
      {q.options.map((o) => (
        <fieldset key={o.id} className="score-option">
          <legend>
            <span lang={o.labelLang}>{o.label}</span>
          </legend>
          <div className="score-row">
            {scoresIn(range).map((score) => (
              <label key={score} className="score-button">
                <input
                  type="radio"
                  name={`${q.id}:${o.id}`}
                  value={score}
                  checked={scores[o.id] === score}
                  onChange={() => onChange(withScore(answer, o.id, score))}
                />
                {t("scoreValue", { score })}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </>
  );
}

/**
 * Ranking with buttons, so it works the same with a keyboard, a screen reader and a finger; with a
 * mouse, the ranked items can also be dragged into place.
 */
function RankedField({
  question: q,
  ranking,
  onChange,
}: {
  question: Question;
  ranking: string[];
  onChange: (a: string[]) => void;
}) {
  const t = useTranslations("ballot");
  const [dragged, setDragged] = useState<number>();
  // Focus follows a press to the button for what comes next (focus-after-move.ts), and the new
  // place of the option is said in a polite status.
  const { button, focusNext } = useFocusAfterMove();
  const [said, setSaid] = useState("");
  const label = (id: string) => q.options.find((o) => o.id === id)?.label ?? id;
  const change = (next: string[], focus: string, moved?: string) => {
    onChange(next);
    focusNext(focus);
    setSaid(moved ? t("rankedItem", { position: next.indexOf(moved) + 1, option: label(moved) }) : "");
  };
  const move = (from: number, to: number) => {
    const next = [...ranking];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    change(next, `${item}:${buttonAfterMove(from, to, next.length)}`, item);
  };
  const unranked = q.options.filter((o) => !ranking.includes(o.id));
  const rank = (id: string) => {
    const next = [...ranking, id];
    const left = unranked.filter((o) => o.id !== id);
    const at = Math.min(
      unranked.findIndex((o) => o.id === id),
      left.length - 1,
    );
    change(next, left.length > 0 && next.length < q.maxChoices ? `rank:${left[at]!.id}` : `${id}:remove`, id);
  };
  const remove = (at: number) => {
    const next = ranking.filter((_, i) => i !== at);
    change(next, next.length > 0 ? `${next[Math.min(at, next.length - 1)]}:remove` : `rank:${ranking[at]}`);
  };
  return (
    <>
      {ranking.length > 0 ? (
        <ol className="ranking" aria-label={t("rankingLabel", { prompt: q.prompt })}>
          {ranking.map((id, i) => (
            <li
              key={id}
              draggable
              onDragStart={() => setDragged(i)}
              onDragOver={(event) => event.preventDefault()}
              onDrop={(event) => {
                event.preventDefault();
                if (dragged !== undefined && dragged !== i) move(dragged, i);
                setDragged(undefined);
              }}
            >
              <span>{t("rankedItem", { position: i + 1, option: label(id) })}</span>
              <button
                ref={button(`${id}:up`)}
                type="button"
                className="secondary"
                disabled={i === 0}
                onClick={() => move(i, i - 1)}
                aria-label={t("moveUp", { option: label(id) })}
              >
                {t("up")}
              </button>
              <button
                ref={button(`${id}:down`)}
                type="button"
                className="secondary"
                disabled={i === ranking.length - 1}
                onClick={() => move(i, i + 1)}
                aria-label={t("moveDown", { option: label(id) })}
              >
                {t("down")}
              </button>
              <button
                ref={button(`${id}:remove`)}
                type="button"
                className="secondary"
                onClick={() => remove(i)}
                aria-label={t("removeFromRanking", { option: label(id) })}
              >
                {t("remove")}
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      {unranked.length > 0 && ranking.length < q.maxChoices ? (
        <div className="actions" role="group" aria-label={t("addToRanking", { prompt: q.prompt })}>
          {unranked.map((o) => (
            <button
              key={o.id}
              ref={button(`rank:${o.id}`)}
              type="button"
              className="secondary"
              onClick={() => rank(o.id)}
            >
              {t("rank", { option: o.label })}
            </button>
          ))}
        </div>
      ) : null}
      <p role="status" className="ls-visually-hidden">
        {said}
      </p>
    </>
  );
}
