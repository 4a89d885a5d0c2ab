"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { refusalOf, type RouterInputs } from "@landslide/api/client";
import { useControlApi } from "@landslide/ui/client";
import { refusalMessage } from "../../../../lib/refusal-messages";

type MailLanguage = NonNullable<RouterInputs["mail"]["emailReceipt"]["language"]>;

/** The languages the mail service writes in (packages/api, router/mail.ts); a page in another one gets its mail in English. */
const MAIL_LANGUAGES = ["en", "es", "fr", "de", "ar"] as const satisfies readonly MailLanguage[];

const mailLanguageOf = (locale: string): MailLanguage => MAIL_LANGUAGES.find((language) => language === locale) ?? "en";

/** An address inside a sentence keeps its own direction (an Arabic sentence around a Latin address). */
const isolated = (chunks: ReactNode) => <bdi>{chunks}</bdi>;

/**
 * "E-mail me this receipt": the control API sends the receipt (never the ballot's content) to the
 * signed-in voter's verified address, in the page's language, and the page says where it went
 * (masked) in a polite status region, or why it could not, in plain words.
 */
export function EmailReceipt({ electionId }: { electionId: string }) {
  const t = useTranslations();
  const control = useControlApi();
  const language = mailLanguageOf(useLocale());
  const send = useMutation(control.mail.emailReceipt.mutationOptions());
  const refusal = send.isError ? refusalOf(send.error) : undefined;
  return (
    <>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            if (!send.isPending) send.mutate({ electionId, language });
          }}
          aria-disabled={send.isPending}
          aria-busy={send.isPending}
        >
          {send.isPending ? t("receipt.emailSending") : t("receipt.email")}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {send.isSuccess ? (
          <p className="notice ok">{t.rich("receipt.emailSent", { to: send.data.to, address: isolated })}</p>
        ) : null}
      </div>
      {send.isError ? (
        <p role="alert" className="notice bad">
          {refusalMessage(refusal?.reason, refusal ? refusal.message : t("receipt.emailOffline"), t)}
        </p>
      ) : null}
    </>
  );
}
