"use client";

import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { ReasonField, reasonProblem } from "./[id]/reason-form";
import { BallotPreview } from "./ballot-preview";
import { eligibilityChoices, passkeyExplained, passkeyPolicyChoices } from "./election-rules";
import { type ElectionDraft, type ElectionFields, toElectionFields } from "./form/draft";
import { OptionOrderEditor } from "./form/option-order-editor";
import { QuestionsEditor } from "./form/questions-editor";
import { RefusalNotice } from "./form/refusal-notice";
import { RuleChoices } from "./form/rule-choices";
import { TextField } from "./form/text-field";
import { TieRuleEditor } from "./form/tie-rule-editor";
import { TranslationsEditor } from "./form/translations-editor";
import { type DraftProblems, draftProblems, questionMessageCount } from "./form/validate";

interface ElectionFormProps {
  initial: ElectionDraft;
  submitLabel: string;
  /** Called with a draft that passed every check the form knows; the page sends it. */
  onSubmit: (election: ElectionFields, reason: string) => void;
  pending: boolean;
  /** The last refusal of the page's mutation, if any. */
  error: unknown;
}

const noProblems: DraftProblems = { byQuestion: {}, byTranslation: {}, count: 0 };

/**
 * The guided ballot builder: the election and its rules, then its questions one at a time (ids
 * made from the text, under "Advanced"; how each is counted), the order of their options on each
 * ballot and how ties are settled, its
 * languages, then why; the preview beside it (below on a phone)
 * shows the whole ballot as voters will. It creates or edits the definition, not the schedule.
 * Problems show once the official first tries to submit, then follow their edits; an empty form
 * does not greet them with a wall of red.
 */
export function ElectionForm({ initial, submitLabel, onSubmit, pending, error }: ElectionFormProps) {
  const t = useTranslations();
  const [draft, setDraft] = useState(initial);
  const [reason, setReason] = useState("");
  const [attempts, setAttempts] = useState(0);
  const [selectedKey, setSelectedKey] = useState(() => initial.questions[0]?.key);
  const formRef = useRef<HTMLFormElement>(null);
  const aboutId = useId();
  const questionsId = useId();
  const languagesId = useId();
  const saveId = useId();
  const reasonId = useId();

  const problems = draftProblems(draft, t);
  const reasonError = reasonProblem(reason, t);
  const tried = attempts > 0;
  const shown = tried ? problems : noProblems;
  const problemCount = problems.count + (reasonError ? 1 : 0);

  // After a refused submit, take the official to the first field that needs them.
  useEffect(() => {
    if (attempts > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempts]);

  const edit = (change: Partial<ElectionDraft>) => setDraft((current) => ({ ...current, ...change }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempts((n) => n + 1);
    // One question is shown at a time: show the first that needs fixing, so the focus below can reach it.
    const needsFixing = draft.questions.find((q) => questionMessageCount(problems.byQuestion[q.key]) > 0);
    if (needsFixing && !problems.title && !problems.description) setSelectedKey(needsFixing.key);
    if (problemCount === 0) onSubmit(toElectionFields(draft), reason.trim());
  };

  return (
    <div
      style={{
        display: "grid",
        gap: "0 2rem",
        gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 26rem), 1fr))",
        alignItems: "start",
      }}
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <section aria-labelledby={aboutId}>
          <h2 id={aboutId}>{t("electionForm.about")}</h2>
          <TextField
            label={t("electionForm.title")}
            value={draft.title}
            required
            error={shown.title}
            onChange={(title) => edit({ title })}
          />
          <TextField
            label={t("electionForm.description")}
            hint={t("electionForm.descriptionHint")}
            value={draft.description}
            multiline
            error={shown.description}
            onChange={(description) => edit({ description })}
          />
          <RuleChoices
            legend={t("electionForm.eligibility")}
            name="eligibility"
            choices={eligibilityChoices(t)}
            value={draft.eligibility}
            onChange={(eligibility) => edit({ eligibility })}
          />
          <RuleChoices
            legend={t("electionForm.devices")}
            description={passkeyExplained(t)}
            name="passkeyPolicy"
            choices={passkeyPolicyChoices(t)}
            value={draft.passkeyPolicy}
            onChange={(passkeyPolicy) => edit({ passkeyPolicy })}
          />
          <label className="choice">
            <input
              type="checkbox"
              checked={draft.allowAbstain}
              onChange={(event) => edit({ allowAbstain: event.target.checked })}
            />
            {t("electionForm.allowAbstain")}
          </label>
        </section>

        <section aria-labelledby={questionsId}>
          <h2 id={questionsId}>{t("electionForm.questions")}</h2>
          <p className="muted">{t("electionForm.questionsIntro")}</p>
          <QuestionsEditor
            questions={draft.questions}
            problems={shown}
            onChange={(questions) => edit({ questions })}
            selectedKey={selectedKey}
            onSelect={setSelectedKey}
          />
          {/* After the questions: the order of their options on each ballot, then how ties are settled in every count. */}
          <OptionOrderEditor optionOrder={draft.optionOrder} onChange={(optionOrder) => edit({ optionOrder })} />
          <TieRuleEditor
            tieRule={draft.tieRule}
            questions={draft.questions}
            seedError={shown.seed}
            questionProblems={shown.byQuestion}
            onChange={(tieRule) => edit({ tieRule })}
          />
        </section>

        <section aria-labelledby={languagesId}>
          <h2 id={languagesId}>{t("electionForm.languages")}</h2>
          <TranslationsEditor draft={draft} problems={shown} onChange={edit} />
        </section>

        <section aria-labelledby={saveId}>
          <h2 id={saveId}>{t("electionForm.save")}</h2>
          <ReasonField
            id={reasonId}
            label={t("electionForm.reason")}
            value={reason}
            onChange={setReason}
            problem={tried ? reasonError : undefined}
          />
          {/* Fixed words: an alert that changed with every keystroke would talk over the official. */}
          {tried && problemCount > 0 ? (
            <p className="notice" role="alert">
              {t("electionForm.needsFixing")}
            </p>
          ) : null}
          {error && !pending ? <RefusalNotice error={error} unanswered={t("electionForm.unanswered")} /> : null}
          <div className="actions">
            <button type="submit" disabled={pending}>
              {pending ? t("electionForm.saving") : submitLabel}
            </button>
          </div>
        </section>
      </form>
      <BallotPreview draft={draft} />
    </div>
  );
}
