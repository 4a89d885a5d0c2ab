import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { AppShell } from "@landslide/ui";
import { DocumentLanguage } from "@landslide/ui/i18n/document-language";
import { LanguageSwitcher } from "@landslide/ui/i18n/language-switcher";
import { directionOf, languagesOf } from "@landslide/ui/i18n/languages";
import { routing } from "../../i18n/routing";
import { ConsoleNav } from "./console-nav";
import { ConsoleUiText } from "./console-ui-text";
import "./language-frame.css";

/**
 * A page in its language: the messages for the client components (NextIntlClientProvider takes
 * the request's language and messages from i18n/request.ts), the shared components' words, and
 * the frame, whose header holds the sections (once signed in) and the languages (always, the
 * sign-in form included).
 */
export async function LanguageFrame({ locale, children }: { locale: string; children: ReactNode }) {
  const t = await getTranslations({ locale, namespace: "shell" });
  const dir = directionOf(locale);
  return (
    <NextIntlClientProvider>
      <ConsoleUiText dir={dir}>
        <DocumentLanguage lang={locale} dir={dir} />
        <AppShell
          product={t("product")}
          tagline={t("tagline")}
          skipLinkLabel={t("skipToContent")}
          navigation={<ConsoleNav />}
          headerEnd={<LanguageSwitcher label={t("languages")} languages={languagesOf(routing.locales)} />}
        >
          {children}
        </AppShell>
      </ConsoleUiText>
    </NextIntlClientProvider>
  );
}
