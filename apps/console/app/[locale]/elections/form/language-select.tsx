"use client";

import { useId } from "react";
import { useLocale } from "next-intl";
import { languageName } from "./language-names";
import { select } from "./styles";

/** A labelled choice of language, each named in the console's language and in itself. */
export function LanguageSelect({
  label,
  languages,
  value,
  onChange,
}: {
  label: string;
  languages: readonly string[];
  value: string | undefined;
  onChange: (language: string) => void;
}) {
  const id = useId();
  const locale = useLocale();
  return (
    <div style={{ marginBottom: "1rem" }}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} style={select}>
        {languages.map((tag) => (
          <option key={tag} value={tag}>
            {languageName(tag, locale)}
          </option>
        ))}
      </select>
    </div>
  );
}
