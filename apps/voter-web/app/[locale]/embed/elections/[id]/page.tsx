import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmbedResults } from "./embed-results";

type Props = { params: Promise<{ locale: string; id: string }> };

// A widget in other sites' pages: not a page of its own for search engines.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "embed" });
  return { title: t("metaTitle"), robots: { index: false } };
}

/** The embeddable results widget: put it in any page with <iframe src="…/embed/elections/ID"> (or …/es/embed/… for Spanish). */
export default async function EmbedPage({ params }: Props) {
  const { id } = await params;
  return <EmbedResults electionId={id} />;
}
