"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "../form/text-field";

export interface RollSourceText {
  /** Where the text came from, as the page names it: “roll.csv”, or the pasted text. */
  readonly from: string;
  readonly text: string;
}

/**
 * A CSV file, or CSV text pasted in. Pasted text, while there is some, is what is read;
 * emptying the text box goes back to the chosen file.
 */
export function RollSource({ onRead }: { onRead: (source: RollSourceText | null) => void }) {
  const t = useTranslations("rollImport.source");
  const fileId = useId();
  const [fromFile, setFromFile] = useState<RollSourceText | null>(null);
  const [pasted, setPasted] = useState("");
  const [unreadable, setUnreadable] = useState<string>();

  const readFile = async (file: File | undefined) => {
    setUnreadable(undefined);
    let read: RollSourceText | null = null;
    try {
      if (file) read = { from: t("file", { name: file.name }), text: await file.text() };
    } catch {
      setUnreadable(t("unreadable", { name: file?.name ?? "" }));
    }
    setFromFile(read);
    if (!pasted.trim()) onRead(read);
  };

  return (
    <>
      <div style={{ marginBottom: "1rem" }}>
        <label htmlFor={fileId}>{t("fileLabel")}</label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={(event) => void readFile(event.target.files?.[0])}
        />
        {unreadable ? (
          <p className="bad" role="alert">
            {unreadable}
          </p>
        ) : null}
      </div>
      <TextField
        label={t("pasteLabel")}
        hint={fromFile ? t("pasteHint") : undefined}
        multiline
        value={pasted}
        onChange={(text) => {
          setPasted(text);
          onRead(text.trim() ? { from: t("pasted"), text } : fromFile);
        }}
      />
    </>
  );
}
