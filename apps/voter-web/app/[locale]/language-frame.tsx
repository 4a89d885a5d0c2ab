import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { AppShell } from "@landslide/ui";
import { DocumentLanguage } from "@landslide/ui/i18n/document-language";
import { LanguageSwitcher } from "@landslide/ui/i18n/language-switcher";
import { directionOf, languagesOf } from "@landslide/ui/i18n/languages";
import { routing } from "../../i18n/routing";
import { VoterUiText } from "../voter-providers";

/**
 * A page in its language: the messages for the client components (NextIntlClientProvider takes
 * the request's language and messages from i18n/request.ts), the shared components' words, and
 * the page frame, whose header ends with the languages.
 */
export async function LanguageFrame({ locale, children }: { locale: string; children: ReactNode }) {
  const t = await getTranslations({ locale, namespace: "shell" });
  const dir = directionOf(locale);
  return (
    <NextIntlClientProvider>
      <VoterUiText dir={dir}>
        <DocumentLanguage lang={locale} dir={dir} />
        <AppShell
          product="Landslide"
          tagline={t("tagline")}
          skipLinkLabel={t("skipToContent")}
          headerEnd={<LanguageSwitcher label={t("languages")} languages={languagesOf(routing.locales)} />}
        >
          {children}
        </AppShell>
      </VoterUiText>
    </NextIntlClientProvider>
  );
}
