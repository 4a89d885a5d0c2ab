"use client";

import { type ReactNode, useMemo } from "react";
import { useLocale, useTranslations } from "next-intl";
import { type UiText, UiTextProvider } from "@landslide/ui/ui-text";
import { consoleUiText } from "../../i18n/ui-text";

/** The shared components' words (packages/ui) in the page's language (and direction), from its messages' `ui` and `auth` namespaces. */
export function ConsoleUiText({ dir, children }: { dir: "ltr" | "rtl"; children: ReactNode }) {
  const locale = useLocale();
  const ui = useTranslations("ui");
  const auth = useTranslations("auth");
  const text: UiText = useMemo(() => consoleUiText(locale, dir, ui, auth), [locale, dir, ui, auth]);
  return <UiTextProvider value={text}>{children}</UiTextProvider>;
}
