import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@landslide/ui/i18n/navigation";
import { LanguageFrame } from "./[locale]/language-frame";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notFound");
  return { title: `${t("heading")} · Landslide` };
}

/**
 * No page at this address, in the language the address asked for (the proxy routed it: /es/nope
 * is Spanish), with the page's frame and the way back to the elections.
 */
export default async function NotFound() {
  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: "notFound" });
  return (
    <LanguageFrame locale={locale}>
      <h1>{t("heading")}</h1>
      <p>{t("text")}</p>
      <p>
        <Link href="/">{t("link")}</Link>
      </p>
    </LanguageFrame>
  );
}
