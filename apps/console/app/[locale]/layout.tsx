import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { routing } from "../../i18n/routing";
import { ConsoleGate } from "./console-gate";
import { LanguageFrame } from "./language-frame";

interface LayoutProps {
  readonly children: ReactNode;
  readonly params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Omit<LayoutProps, "children">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: { default: t("title"), template: t("titleTemplate") }, description: t("description") };
}

/** Every page, in the language of its address (/en/…, /es/…), behind the gate (signed in, with a console role). */
export default async function LanguageLayout({ children, params }: LayoutProps) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return (
    <LanguageFrame locale={locale}>
      <ConsoleGate>{children}</ConsoleGate>
    </LanguageFrame>
  );
}
