"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { ElectionDraft } from "./draft";
import { languageName } from "./language-names";
import { plainFieldset, legendLikeLabel } from "./styles";
import { TextField } from "./text-field";
import { type TranslationDraft, translatedCount } from "./translation-draft";
import { type TranslationProblems, translationMessageCount } from "./validate";

interface TranslationEditorProps {
  draft: ElectionDraft;
  translation: TranslationDraft;
  problems: TranslationProblems | undefined;
  open: boolean;
  onToggle: (open: boolean) => void;
  onChange: (translation: TranslationDraft) => void;
  onRemove: () => void;
}

/**
 * One language's texts, folded under a summary that says how far along it is: a field per text of
 * the ballot, each with the original under its label, so a translator works down the page without
 * switching back. An empty field is fine: voters then read the original there.
 */
export function TranslationEditor({
  draft,
  translation,
  problems,
  open,
  onToggle,
  onChange,
  onRemove,
}: TranslationEditorProps) {
  const t = useTranslations("form.translations");
  const locale = useLocale();
  const name = languageName(translation.language, locale);
  // Each field names the language, as a screen reader moving from field to field never hears the summary.
  const language = languageName(translation.language, locale, { short: true });
  const { translated, total } = translatedCount(draft, translation);
  const fix = translationMessageCount(problems);
  const lang = translation.language;
  const original = (text: string): ReactNode =>
    text.trim() ? (
      <>
        {t("original")}{" "}
        <bdi lang={draft.language} dir="auto">
          {text.trim()}
        </bdi>
      </>
    ) : (
      t("originalEmpty")
    );
  const setPrompt = (key: string, prompt: string) =>
    onChange({ ...translation, prompts: { ...translation.prompts, [key]: prompt } });
  const setLabel = (key: string, label: string) =>
    onChange({ ...translation, labels: { ...translation.labels, [key]: label } });

  return (
    // Open while it needs fixing: a refused save focuses the first invalid field, which must be visible.
    <details className="card" open={open || fix > 0} onToggle={(event) => onToggle(event.currentTarget.open)}>
      <summary>
        <strong>{name}</strong> · {t("progress", { translated, total })}
        {fix > 0 ? <span className="bad"> · {t("needsFixing", { count: fix })}</span> : null}
      </summary>
      <div style={{ paddingTop: "0.75rem" }}>
        {problems?.language ? <p className="bad">{problems.language}</p> : null}
        <TextField
          label={t("title", { language })}
          hint={original(draft.title)}
          value={translation.title}
          error={problems?.title}
          lang={lang}
          onChange={(title) => onChange({ ...translation, title })}
        />
        {draft.description.trim() || translation.description ? (
          <TextField
            label={t("description", { language })}
            hint={original(draft.description)}
            value={translation.description}
            multiline
            error={problems?.description}
            lang={lang}
            onChange={(description) => onChange({ ...translation, description })}
          />
        ) : null}
        {draft.questions.map((question, index) => (
          <fieldset key={question.key} style={plainFieldset}>
            <legend style={legendLikeLabel}>{t("question", { number: index + 1 })}</legend>
            <TextField
              label={t("prompt", { number: index + 1, language })}
              hint={original(question.prompt)}
              value={translation.prompts[question.key] ?? ""}
              error={problems?.prompts[question.key]}
              lang={lang}
              onChange={(prompt) => setPrompt(question.key, prompt)}
            />
            {question.options.map((option, at) => (
              <TextField
                key={option.key}
                label={t("option", { question: index + 1, number: at + 1, language })}
                hint={original(option.label)}
                value={translation.labels[option.key] ?? ""}
                error={problems?.labels[option.key]}
                lang={lang}
                onChange={(label) => setLabel(option.key, label)}
              />
            ))}
          </fieldset>
        ))}
        <button type="button" className="secondary" onClick={onRemove}>
          {t("remove", { language: name })}
        </button>
      </div>
    </details>
  );
}
