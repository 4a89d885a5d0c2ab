import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Unsubscribe } from "./unsubscribe";

type Props = {
  readonly params: Promise<{ locale: string }>;
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "unsubscribe" });
  // A personal link: not a page for search engines.
  return { title: t("metaTitle"), robots: { index: false } };
}

/** The link at the end of every e-mail from Landslide: /unsubscribe?token=… (in the e-mail's language, /es/unsubscribe?token=…). */
export default async function UnsubscribePage({ searchParams }: Pick<Props, "searchParams">) {
  const { token } = await searchParams;
  return <Unsubscribe token={typeof token === "string" && token.length > 0 ? token : undefined} />;
}
