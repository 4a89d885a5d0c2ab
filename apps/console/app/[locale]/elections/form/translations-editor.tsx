"use client";

import { useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { ElectionDraft } from "./draft";
import { languageName, offeredLanguages } from "./language-names";
import { removeAt, replaceAt } from "./list-edits";
import { fieldRow } from "./styles";
import { LanguageSelect } from "./language-select";
import { emptyTranslation } from "./translation-draft";
import { TranslationEditor } from "./translation-editor";
import type { DraftProblems } from "./validate";

interface TranslationsEditorProps {
  draft: ElectionDraft;
  problems: DraftProblems;
  onChange: (change: Pick<ElectionDraft, "language"> | Pick<ElectionDraft, "translations">) => void;
}

/**
 * The ballot's languages: the one its texts are written in, and translations of them. Voters read
 * each text in their language where it is translated and in the original where it is not; ids,
 * ballots, receipts, tallies and the audit are the same in every language.
 */
export function TranslationsEditor({ draft, problems, onChange }: TranslationsEditorProps) {
  const t = useTranslations("form.translations");
  const locale = useLocale();
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const used = draft.translations.map((translation) => translation.language);
  const offered = offeredLanguages([draft.language, ...used], locale);
  const addable = offered.filter((tag) => tag !== draft.language && !used.includes(tag));
  const [toAdd, setToAdd] = useState<string | undefined>(undefined);
  const chosen = toAdd !== undefined && addable.includes(toAdd) ? toAdd : addable[0];

  const expand = (language: string, open: boolean) =>
    setExpanded((current) => {
      if (current.has(language) === open) return current;
      const next = new Set(current);
      if (open) next.add(language);
      else next.delete(language);
      return next;
    });
  const add = () => {
    if (!chosen) return;
    onChange({ translations: [...draft.translations, emptyTranslation(chosen)] });
    expand(chosen, true);
  };
  const remove = (index: number) => {
    onChange({ translations: removeAt(draft.translations, index) });
    // The removed translation took the focused button with it.
    addButtonRef.current?.focus();
  };

  return (
    <>
      <p className="muted">{t("intro")}</p>
      <LanguageSelect
        label={t("ownLanguage")}
        languages={offered}
        value={draft.language}
        onChange={(language) => onChange({ language })}
      />
      {draft.translations.length === 0 ? (
        <p className="muted">{t("none", { language: languageName(draft.language, locale) })}</p>
      ) : (
        draft.translations.map((translation, index) => (
          <TranslationEditor
            key={translation.language}
            draft={draft}
            translation={translation}
            problems={problems.byTranslation[translation.language]}
            open={expanded.has(translation.language)}
            onToggle={(open) => expand(translation.language, open)}
            onChange={(changed) => onChange({ translations: replaceAt(draft.translations, index, changed) })}
            onRemove={() => remove(index)}
          />
        ))
      )}
      {addable.length > 0 ? (
        <div style={fieldRow}>
          <LanguageSelect label={t("addLanguage")} languages={addable} value={chosen} onChange={setToAdd} />
          <button ref={addButtonRef} type="button" className="secondary" onClick={add} style={{ marginBottom: "1rem" }}>
            {t("add")}
          </button>
        </div>
      ) : null}
    </>
  );
}
