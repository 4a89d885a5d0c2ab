"use client";

import { type ReactNode, useId, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { choiceHint } from "./form/choice-bounds";
import { countingPreview, isDefaultCounting } from "./form/counting-choices";
import type { ElectionDraft, OptionDraft, QuestionDraft } from "./form/draft";
import { LanguageSelect } from "./form/language-select";
import { isDrawnOrder } from "./form/option-order-choices";
import { scoresIn } from "./form/score-range";
import { draftIn } from "./form/translation-draft";

/** The language of a text as shown: the translation's where it differs from the original, else the ballot's own. */
type LanguageOf = (shown: string, original: string) => string;

/**
 * The draft as voters will see it on the voter site's ballot (apps/voter-web ballot-form.tsx):
 * a fieldset per question with the same hint, radios for single choice, checkboxes for multiple
 * choice, the options to rank, a row of score buttons per option, and the abstain box. Everything
 * is disabled: it only shows. The options are in the order written, with a note when each voter's
 * ballot lists them in an order drawn for them.
 */
export function BallotPreview({ draft, heading }: { draft: ElectionDraft; heading?: string }) {
  const t = useTranslations("preview");
  const headingId = useId();
  const languages = [draft.language, ...draft.translations.map((translation) => translation.language)];
  const [chosen, setChosen] = useState(draft.language);
  const language = languages.includes(chosen) ? chosen : draft.language;
  const shown = draftIn(draft, language);
  const languageOf: LanguageOf = (text, original) => (text === original ? draft.language : language);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{heading ?? t("heading")}</h2>
      <p className="muted">{heading ? t("fixed") : t("follows")}</p>
      {/* The options below are in the order written; each voter's own order is drawn when they vote. */}
      {isDrawnOrder(draft.optionOrder.rule) ? <p className="muted">{t("drawnOrder")}</p> : null}
      {languages.length > 1 ? (
        <LanguageSelect label={t("language")} languages={languages} value={language} onChange={setChosen} />
      ) : null}
      {/* What the official typed keeps its own direction, whatever the page's (<bdi>, dir="auto"). */}
      <h3>
        {shown.title.trim() ? (
          <bdi lang={languageOf(shown.title, draft.title)}>{shown.title.trim()}</bdi>
        ) : (
          <Missing>{t("untitled")}</Missing>
        )}
      </h3>
      {shown.description.trim() ? (
        <p dir="auto" lang={languageOf(shown.description, draft.description)}>
          {shown.description}
        </p>
      ) : null}
      {shown.questions.map((question, index) => (
        <PreviewQuestion
          key={question.key}
          question={question}
          original={draft.questions[index]!}
          languageOf={languageOf}
          allowAbstain={draft.allowAbstain}
        />
      ))}
    </section>
  );
}

function PreviewQuestion({
  question,
  original,
  languageOf,
  allowAbstain,
}: {
  question: QuestionDraft;
  original: QuestionDraft;
  languageOf: LanguageOf;
  allowAbstain: boolean;
}) {
  // Names of their own, so that the preview's radios never group with anything else on the page.
  const groupId = useId();
  const hintId = `${groupId}-hint`;
  const t = useTranslations();
  const locale = useLocale();
  const prompt = question.prompt.trim();
  const counting = isDefaultCounting(question) ? undefined : countingPreview(question, t);
  return (
    <fieldset className="question" disabled aria-describedby={hintId}>
      <legend>
        {prompt ? (
          <bdi lang={languageOf(question.prompt, original.prompt)}>{prompt}</bdi>
        ) : (
          <Missing>{t("preview.noPrompt")}</Missing>
        )}
      </legend>
      <p id={hintId} className="muted">
        {choiceHint(question, t, locale)}
        {/* As voters are told it on their ballot when it is not the kind's usual count. */}
        {counting ? ` ${counting}` : null}
      </p>
      {question.kind === "score" ? (
        question.options.map((option, index) => (
          <ScoredOption
            key={option.key}
            scores={scoresIn(question.scoreRange)}
            label={
              <OptionLabel
                option={option}
                lang={languageOf(option.label, original.options[index]!.label)}
                index={index}
              />
            }
          />
        ))
      ) : question.kind === "ranked" ? (
        <ol className="ranking" aria-label={prompt ? t("preview.toRankFor", { prompt }) : t("preview.toRank")}>
          {question.options.map((option, index) => (
            <li key={option.key}>
              <span>
                <OptionLabel
                  option={option}
                  lang={languageOf(option.label, original.options[index]!.label)}
                  index={index}
                />
              </span>
            </li>
          ))}
        </ol>
      ) : (
        question.options.map((option, index) => (
          <label key={option.key} className="choice">
            <input type={question.kind === "single" ? "radio" : "checkbox"} name={groupId} value={option.key} />
            <OptionLabel
              option={option}
              lang={languageOf(option.label, original.options[index]!.label)}
              index={index}
            />
          </label>
        ))
      )}
      {allowAbstain ? (
        <label className="choice">
          <input type="checkbox" />
          {t("preview.abstain")}
        </label>
      ) : null}
    </fieldset>
  );
}

/**
 * One option of a score question as the voter site's ballot has it (ballot-form.tsx ScoreField):
 * a group named by the option, a radio for each score with the score under it. While the range is
 * not one yet (the form says why), the option is shown without them.
 */
function ScoredOption({ label, scores }: { label: ReactNode; scores: readonly number[] }) {
  const groupId = useId();
  const locale = useLocale();
  return (
    <fieldset className="score-option">
      <legend>{label}</legend>
      <div className="score-row">
        {scores.map((score) => (
          <label key={score} className="score-button">
            <input type="radio" name={groupId} value={score} />
            {score.toLocaleString(locale)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function OptionLabel({ option, lang, index }: { option: OptionDraft; lang: string; index: number }) {
  const t = useTranslations("preview");
  return option.label.trim() ? (
    <bdi lang={lang}>{option.label.trim()}</bdi>
  ) : (
    <Missing>{t("noLabel", { number: index + 1 })}</Missing>
  );
}

/** Where the draft has nothing yet: visibly a placeholder, not text voters would read. */
function Missing({ children }: { children: ReactNode }) {
  return <em className="muted">{children}</em>;
}
