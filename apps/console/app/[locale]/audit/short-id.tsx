"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";

/**
 * An opaque id (an election's UUID, a voter key) shown short with what it is ("Election 1a2b3c4d…"),
 * the full value in the title and a button to copy it, for quoting to support or a colleague.
 */
export function ShortId({ label, id }: { label: string; id: string }) {
  const t = useTranslations("shortId");
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(id).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 2_000);
    });
  };
  return (
    <span title={`${label} ${id}`}>
      {label} <code>{id.length > 10 ? `${id.slice(0, 8)}…` : id}</code>{" "}
      <button type="button" className="link" onClick={copy}>
        {t("copy")}
        <span className="ls-visually-hidden"> {t("copyWhat", { what: label })}</span>
      </button>
      <span role="status" className="ls-visually-hidden">
        {copied ? t("copied") : ""}
      </span>
    </span>
  );
}
