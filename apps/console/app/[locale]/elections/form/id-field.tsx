"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { FieldError } from "./text-field";

interface IdFieldProps {
  /** Visible and unique on the page, e.g. "Option 2 id". */
  label: string;
  /** The id the API will get: typed, or derived from `derivedFrom`. */
  value: string;
  derivedFrom: "label" | "prompt";
  /** Whether the official typed this id (then it no longer follows the text). */
  custom: boolean;
  error?: string | undefined;
  onChange: (typed: string) => void;
  /** Back to the derived id. */
  onDerive: () => void;
}

/**
 * An option's or question's id: filled in from its text, and editable for officials who want a
 * particular id (results files and the CLI show ids). Upper case and spaces are turned into what
 * an id allows as they are typed; anything else is left for validation to explain.
 */
export function IdField({ label, value, derivedFrom, custom, error, onChange, onDerive }: IdFieldProps) {
  const id = useId();
  const t = useTranslations("form.idField");
  const errorId = `${id}-error`;
  const derive = derivedFrom === "label" ? t("deriveFromLabel") : t("deriveFromPrompt");
  return (
    <div style={{ marginBottom: "1rem" }}>
      <label htmlFor={id}>{label}</label>
      <input
        type="text"
        id={id}
        value={value}
        spellCheck={false}
        autoCapitalize="none"
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(event.target.value.toLowerCase().replace(/\s+/g, "-"))}
      />
      {custom ? (
        <p style={{ margin: "0.25rem 0 0" }}>
          <button type="button" className="link" onClick={onDerive} aria-label={t("deriveFor", { derive, label })}>
            {derive}
          </button>
        </p>
      ) : null}
      <FieldError id={errorId} message={error} />
    </div>
  );
}
